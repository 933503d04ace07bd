package dev.medic.dashboards.grafana;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;

/**
 * Grafana's server-side expressions, reproduced for what Medic's rules and panels use: reduce,
 * math (on reduced numbers) and threshold. Values are Grafana's "number sets": a list of labelled
 * numbers.
 *
 * <p>Sources: grafana/grafana {@code pkg/expr/mathexp} ({@code reduce.go}, {@code union} in
 * {@code exp.go}), {@code pkg/expr/threshold.go}. Math between two sets pairs numbers whose labels
 * are equal, or where one side has no labels, or where one side's labels contain the other's;
 * pairs of equal size but different labels are dropped; when nothing pairs and each side holds
 * exactly one number, those two are combined without labels. Comparisons and {@code && ||} give
 * 1 or 0.
 */
public final class Sse {

    private Sse() {
    }

    /** A labelled number. */
    public record Number(Map<String, String> labels, double value) {

        public Number {
            labels = new TreeMap<>(labels);
        }
    }

    /**
     * The reduce expression. Modes: {@code ""}/{@code strict} (a NaN or null makes the result NaN,
     * except for count and last), {@code dropNN} (NaN and null are left out), {@code replaceNN}
     * (they become {@code replacement}).
     */
    public static List<Number> reduce(List<InfluxQl.Frame> frames, String reducer, String mode, double replacement) {
        List<Number> out = new ArrayList<>();
        for (InfluxQl.Frame frame : frames) {
            List<Double> values = new ArrayList<>();
            boolean invalid = false;
            for (Object value : frame.values()) {
                if (value != null && !(value instanceof Double)) {
                    throw new IllegalStateException("reduce: " + frame.name() + " holds " + value.getClass().getSimpleName()
                        + " values; only numbers can be reduced");
                }
                Double number = (Double) value;
                boolean notNumber = number == null || number.isNaN();
                switch (mode) {
                    case "dropNN" -> {
                        if (!notNumber) {
                            values.add(number);
                        }
                    }
                    case "replaceNN" -> values.add(notNumber ? replacement : number);
                    case "", "strict" -> {
                        invalid |= notNumber;
                        values.add(number == null ? Double.NaN : number);
                    }
                    default -> throw new IllegalArgumentException("reduce mode '" + mode + "' is not reproduced");
                }
            }
            out.add(new Number(frame.labels(), reduce(values, reducer, invalid)));
        }
        return out;
    }

    private static double reduce(List<Double> values, String reducer, boolean invalid) {
        return switch (reducer) {
            case "count" -> values.size();
            case "last" -> values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
            case "sum" -> invalid ? Double.NaN : values.stream().mapToDouble(Double::doubleValue).sum();
            case "mean" -> invalid || values.isEmpty() ? Double.NaN
                : values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            case "min" -> invalid || values.isEmpty() ? Double.NaN : values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            case "max" -> invalid || values.isEmpty() ? Double.NaN : values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            default -> throw new IllegalArgumentException("reducer '" + reducer + "' is not reproduced");
        };
    }

    /** The threshold expression: 1 where the evaluator holds, else 0. */
    public static List<Number> threshold(List<Number> input, String type, List<Double> params) {
        return input.stream().map(number -> new Number(number.labels(), holds(number.value(), type, params) ? 1 : 0)).toList();
    }

    private static boolean holds(double value, String type, List<Double> params) {
        return switch (type) {
            case "gt" -> value > params.get(0);
            case "lt" -> value < params.get(0);
            case "within_range" -> value > params.get(0) && value < params.get(1);
            case "outside_range" -> value < params.get(0) || value > params.get(1);
            default -> throw new IllegalArgumentException("threshold type '" + type + "' is not reproduced");
        };
    }

    /**
     * Evaluates one expression of a rule or panel ({@code type} reduce, math or threshold) from
     * the data queries' frames and the expressions before it, by refId.
     */
    public static List<Number> expression(Map<String, Object> model, Map<String, List<InfluxQl.Frame>> frames,
            Map<String, List<Number>> numbers) {
        String type = Maps.string(model, "type");
        String input = Maps.string(model, "expression");
        return switch (type) {
            case "reduce" -> {
                List<InfluxQl.Frame> series = frames.get(input);
                if (series == null) {
                    throw new IllegalStateException("reduce " + input + ": no data query named " + input);
                }
                Map<String, Object> settings = model.get("settings") instanceof Map<?, ?> ? Maps.map(model, "settings") : Map.of();
                yield reduce(series, Maps.string(model, "reducer"), Maps.optionalString(settings, "mode").orElse(""),
                    Maps.number(settings, "replaceWithValue").map(java.lang.Number::doubleValue).orElse(0.0));
            }
            case "math" -> {
                for (String name : frames.keySet()) {
                    if (TemplateSrv.references(input).contains(name)) {
                        throw new IllegalStateException("math on the time series " + name + " is not reproduced; reduce it first");
                    }
                }
                yield MathExpression.evaluate(input, numbers);
            }
            case "threshold" -> {
                List<Number> of = numbers.get(input);
                if (of == null) {
                    throw new IllegalStateException("threshold " + input + ": not a reduced expression");
                }
                List<Map<String, Object>> conditions = Maps.maps(model, "conditions");
                if (conditions.size() != 1) {
                    throw new IllegalStateException("threshold: one condition is reproduced, not " + conditions.size());
                }
                Map<String, Object> evaluator = Maps.map(conditions.get(0), "evaluator");
                List<Double> params = new ArrayList<>();
                Maps.list(evaluator, "params").forEach(param -> params.add(((java.lang.Number) param).doubleValue()));
                yield threshold(of, Maps.string(evaluator, "type"), params);
            }
            default -> throw new IllegalStateException("expression type '" + type + "' is not reproduced");
        };
    }

    /** One side of a binary operation: a number set, or a scalar (a literal). */
    sealed interface Operand permits NumberSet, Scalar {
    }

    record NumberSet(List<Number> numbers) implements Operand {
    }

    record Scalar(double value) implements Operand {
    }

    static Operand apply(Operand a, Operand b, DoubleBinaryOperator op) {
        if (a instanceof Scalar x && b instanceof Scalar y) {
            return new Scalar(op.applyAsDouble(x.value(), y.value()));
        }
        if (a instanceof Scalar x) {
            return new NumberSet(((NumberSet) b).numbers().stream()
                .map(n -> new Number(n.labels(), op.applyAsDouble(x.value(), n.value()))).toList());
        }
        if (b instanceof Scalar y) {
            return new NumberSet(((NumberSet) a).numbers().stream()
                .map(n -> new Number(n.labels(), op.applyAsDouble(n.value(), y.value()))).toList());
        }
        return new NumberSet(union(((NumberSet) a).numbers(), ((NumberSet) b).numbers(), op));
    }

    static Operand apply(Operand a, java.util.function.DoubleUnaryOperator op) {
        if (a instanceof Scalar x) {
            return new Scalar(op.applyAsDouble(x.value()));
        }
        return new NumberSet(((NumberSet) a).numbers().stream().map(n -> new Number(n.labels(), op.applyAsDouble(n.value()))).toList());
    }

    private static List<Number> union(List<Number> as, List<Number> bs, DoubleBinaryOperator op) {
        List<Number> out = new ArrayList<>();
        if (as.isEmpty() || bs.isEmpty()) {
            return out;
        }
        for (Number a : as) {
            for (Number b : bs) {
                Map<String, String> labels;
                if (a.labels().equals(b.labels()) || a.labels().isEmpty() || b.labels().isEmpty()) {
                    labels = a.labels().isEmpty() ? b.labels() : a.labels();
                } else if (a.labels().size() == b.labels().size()) {
                    continue;
                } else if (contains(a.labels(), b.labels())) {
                    labels = a.labels();
                } else if (contains(b.labels(), a.labels())) {
                    labels = b.labels();
                } else {
                    continue;
                }
                out.add(new Number(labels, op.applyAsDouble(a.value(), b.value())));
            }
        }
        if (out.isEmpty() && as.size() == 1 && bs.size() == 1) {
            out.add(new Number(Map.of(), op.applyAsDouble(as.get(0).value(), bs.get(0).value())));
        }
        return out;
    }

    private static boolean contains(Map<String, String> bigger, Map<String, String> smaller) {
        return smaller.entrySet().stream().allMatch(entry -> Objects.equals(bigger.get(entry.getKey()), entry.getValue()));
    }
}
