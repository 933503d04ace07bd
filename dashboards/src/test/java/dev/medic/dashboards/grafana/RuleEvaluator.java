package dev.medic.dashboards.grafana;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates one Grafana-managed alert rule from the provisioning file, once, at a given instant:
 * its InfluxQL queries are run against a real InfluxDB, and its expressions (reduce, math,
 * threshold) are computed by {@link Sse}, the way Grafana's evaluator does
 * ({@code pkg/services/ngalert/eval/eval.go}):
 *
 * <ul>
 *   <li>a query or expression that fails makes the whole rule an Error;</li>
 *   <li>a data query that returns no series makes the whole rule NoData;</li>
 *   <li>otherwise each number of the condition is an alert instance: 0 is Normal, anything else
 *       (NaN included) is Alerting; two instances with the same labels are an Error.</li>
 * </ul>
 *
 * Then the rule's {@code noDataState} and {@code execErrState} map NoData and Error, as Grafana's
 * state manager does. The pending period ({@code for}) is not reproduced: this is one evaluation,
 * and {@code for} only delays what it finds.
 */
public final class RuleEvaluator {

    /** The states an alert instance can end an evaluation in. */
    public enum State { ALERTING, NORMAL, NO_DATA, ERROR }

    /**
     * What one evaluation found.
     *
     * @param raw       the evaluator's own states, before noDataState and execErrState
     * @param states    the states after the rule's mapping, by instance labels
     * @param error     why the rule is in error, if it is
     * @param queries   each data query as it was sent, by refId
     */
    public record Evaluation(Map<Map<String, String>, State> raw, Map<Map<String, String>, State> states,
            Optional<String> error, Map<String, String> queries) {

        /** The label sets that fire. */
        public Set<Map<String, String>> firing() {
            Set<Map<String, String>> firing = new HashSet<>();
            states.forEach((labels, state) -> {
                if (state == State.ALERTING) {
                    firing.add(labels);
                }
            });
            return firing;
        }
    }

    private final String url;
    private final String database;
    private final String datasourceUid;
    private final Duration datasourceMinInterval;

    /**
     * @param url                   the InfluxDB the provisioned data source points at
     * @param database              its database
     * @param datasourceUid         the provisioned data source's uid, which every data query must name
     * @param datasourceMinInterval the data source's {@code timeInterval}
     */
    public RuleEvaluator(String url, String database, String datasourceUid, Duration datasourceMinInterval) {
        this.url = url;
        this.database = database;
        this.datasourceUid = datasourceUid;
        this.datasourceMinInterval = datasourceMinInterval;
    }

    public Evaluation evaluate(Map<String, Object> rule, Instant now) {
        Map<String, List<InfluxQl.Frame>> frames = new LinkedHashMap<>();
        Map<String, List<Sse.Number>> numbers = new LinkedHashMap<>();
        Map<String, String> sent = new LinkedHashMap<>();
        Map<Map<String, String>, State> raw = new LinkedHashMap<>();
        Optional<String> error = Optional.empty();
        boolean noData = false;
        String condition = Maps.string(rule, "condition");
        try {
            for (Map<String, Object> item : Maps.maps(rule, "data")) {
                String refId = Maps.string(item, "refId");
                Map<String, Object> model = Maps.map(item, "model");
                if ("__expr__".equals(Maps.string(item, "datasourceUid"))) {
                    numbers.put(refId, Sse.expression(model, frames, numbers));
                    continue;
                }
                InfluxQl.Result result = query(item, model, now, sent);
                if (result.error().isPresent()) {
                    throw new IllegalStateException(refId + ": " + result.error().get());
                }
                if (result.series().isEmpty()) {
                    noData = true;
                }
                frames.put(refId, InfluxQl.frames(result));
            }
            if (noData) {
                raw.put(Map.of(), State.NO_DATA);
            } else {
                List<Sse.Number> result = numbers.get(condition);
                if (result == null) {
                    throw new IllegalStateException("the condition " + condition + " must be an expression that reduces the data");
                }
                if (result.isEmpty()) {
                    raw.put(Map.of(), State.NO_DATA);
                }
                for (Sse.Number number : result) {
                    if (raw.put(number.labels(), number.value() == 0 ? State.NORMAL : State.ALERTING) != null) {
                        throw new IllegalStateException("duplicate results with labels " + number.labels());
                    }
                }
            }
        } catch (RuntimeException e) {
            raw.clear();
            raw.put(Map.of(), State.ERROR);
            error = Optional.of(e.getMessage());
        }
        Map<Map<String, String>, State> states = new LinkedHashMap<>();
        raw.forEach((labels, state) -> states.put(labels, switch (state) {
            case NO_DATA -> mapped(Maps.optionalString(rule, "noDataState").orElse("NoData"), "NoData", State.NO_DATA);
            case ERROR -> mapped(Maps.optionalString(rule, "execErrState").orElse("Alerting"), "Error", State.ERROR);
            default -> state;
        }));
        return new Evaluation(raw, states, error, sent);
    }

    private static State mapped(String configured, String keep, State kept) {
        if (configured.equals(keep)) {
            return kept;
        }
        return switch (configured) {
            case "Alerting" -> State.ALERTING;
            case "OK" -> State.NORMAL;
            default -> throw new IllegalArgumentException("state mapping '" + configured + "' is not reproduced");
        };
    }

    private InfluxQl.Result query(Map<String, Object> item, Map<String, Object> model, Instant now, Map<String, String> sent) {
        String refId = Maps.string(item, "refId");
        if (!datasourceUid.equals(Maps.string(item, "datasourceUid"))) {
            throw new IllegalStateException(refId + " queries data source " + item.get("datasourceUid")
                + ", which is not the provisioned " + datasourceUid);
        }
        if (!Maps.bool(model, "rawQuery") || !"time_series".equals(Maps.optionalString(model, "resultFormat").orElse("time_series"))) {
            throw new IllegalStateException(refId + ": only raw InfluxQL in time_series format is reproduced");
        }
        Map<String, Object> range = Maps.map(item, "relativeTimeRange");
        InfluxQl.TimeRange timeRange = InfluxQl.TimeRange.lastSeconds(
            Maps.number(range, "from").orElseThrow().longValue(), Maps.number(range, "to").orElseThrow().longValue(), now);
        Duration minimum = Duration.ofMillis(Maps.number(model, "intervalMs").map(Number::longValue).orElse(1000L));
        if (datasourceMinInterval.compareTo(minimum) > 0) {
            minimum = datasourceMinInterval;
        }
        long maxDataPoints = Maps.number(model, "maxDataPoints").map(Number::longValue).orElse(InfluxQl.DEFAULT_MAX_DATA_POINTS);
        String query = InfluxQl.interpolate(Maps.string(model, "query"), timeRange,
            InfluxQl.interval(timeRange, maxDataPoints, minimum));
        // Alert rules have no dashboard: a variable left in the query would reach InfluxDB as it is.
        InfluxQl.requireNoVariables(query);
        sent.put(refId, query);
        return InfluxQl.execute(url, database, query);
    }
}
