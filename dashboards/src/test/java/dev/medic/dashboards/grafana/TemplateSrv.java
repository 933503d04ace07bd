package dev.medic.dashboards.grafana;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's front-end interpolation of dashboard variables ({@code templateSrv.replace}),
 * reproduced for the formats Medic's dashboards use. The InfluxDB data source calls it with the
 * {@code regex} format for raw InfluxQL, so that {@code =~ /^$host$/} works for one value, several
 * ({@code (web-1|web-2)}) and All:
 *
 * <ul>
 *   <li>a single value is regex-escaped ({@code \ ^ $ * + ? . ( ) | [ ] { } /} get a backslash);</li>
 *   <li>several values become {@code (a|b)}, each escaped; one value of a multi-value variable stays alone;</li>
 *   <li>All with a custom all value ({@code .*}) becomes that value, raw; without one, every option;</li>
 *   <li>a name that is no variable is left as it is, as Grafana does (the back end may know it:
 *       {@code $timeFilter}, {@code $__interval}).</li>
 * </ul>
 *
 * Sources: grafana/grafana {@code public/app/features/templating/template_srv.ts},
 * {@code packages/grafana-data/src/text/string.ts} ({@code escapeRegex}) and the scenes
 * {@code formatRegistry} (the {@code regex} formatter).
 */
public final class TemplateSrv {

    /** The three syntaxes: {@code $name}, {@code [[name:format]]}, {@code ${name.field:format}}. */
    public static final Pattern VARIABLE =
        Pattern.compile("\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?]]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?}");

    /** The value Grafana stores when All is selected. */
    public static final String ALL = "$__all";

    /**
     * A variable's current state.
     *
     * @param selected the selected values ({@link #ALL} for All)
     * @param options  every value the variable offers (what All means without a custom all value)
     * @param allValue the custom all value, or null
     */
    public record Value(List<String> selected, List<String> options, String allValue) {

        public static Value of(String... selected) {
            return new Value(List.of(selected), List.of(selected), null);
        }

        boolean isAll() {
            return selected.contains(ALL);
        }
    }

    private final Map<String, Value> values = new LinkedHashMap<>();

    public TemplateSrv set(String name, Value value) {
        values.put(name, value);
        return this;
    }

    public Value get(String name) {
        return values.get(name);
    }

    /** A copy with one more (or replaced) variable, as a repeated panel's scoped variable. */
    public TemplateSrv with(String name, Value value) {
        TemplateSrv copy = new TemplateSrv();
        copy.values.putAll(values);
        copy.values.put(name, value);
        return copy;
    }

    /** Replaces every known variable, formatting values with {@code defaultFormat} unless the reference names one. */
    public String replace(String text, String defaultFormat) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = first(matcher.group(1), matcher.group(2), matcher.group(4));
            String format = first(matcher.group(3), matcher.group(6), defaultFormat);
            Value value = values.get(name);
            String replacement = value == null ? matcher.group() : format(value, format);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The names a text refers to, in order. */
    public static Set<String> references(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(first(matcher.group(1), matcher.group(2), matcher.group(4)));
        }
        return names;
    }

    private static String format(Value value, String format) {
        if (value.isAll() && value.allValue() != null) {
            // A custom all value is used as written, never escaped.
            return value.allValue();
        }
        List<String> chosen = value.isAll() ? value.options() : value.selected();
        return switch (format) {
            case "regex" -> chosen.size() == 1 ? escapeRegex(chosen.get(0))
                : "(" + String.join("|", chosen.stream().map(TemplateSrv::escapeRegex).toList()) + ")";
            case "raw", "csv" -> String.join(",", chosen);
            case "pipe" -> String.join("|", chosen);
            default -> throw new IllegalArgumentException("variable format '" + format + "' is not reproduced");
        };
    }

    /** Grafana's {@code escapeRegex}: {@code \ ^ $ * + ? . ( ) | [ ] { } /} get a backslash. */
    public static String escapeRegex(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if ("\\^$*+?.()|[]{}/".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    /** Every value a query variable offers, from an InfluxDB {@code SHOW TAG VALUES} answer. */
    public static List<String> tagValues(InfluxQl.Result result) {
        List<String> found = new ArrayList<>();
        for (InfluxQl.Series series : result.series()) {
            int column = series.columns().indexOf("value");
            for (List<Object> row : series.values()) {
                String value = String.valueOf(row.get(column));
                if (!found.contains(value)) {
                    found.add(value);
                }
            }
        }
        return found;
    }
}
