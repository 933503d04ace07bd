package dev.medic.dashboards.grafana;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a dashboard's queries the way Grafana would when a person opens it: the variables first,
 * in order (each query variable's {@code SHOW TAG VALUES} is interpolated with the ones before it),
 * then every panel's queries, once per value of a repeating panel, with the panel's relative time
 * override, the front end's interpolation ({@link TemplateSrv}, regex format) and the back end's
 * ({@link InfluxQl#interpolate}); server-side expressions in a panel are computed by {@link Sse}.
 */
public final class DashboardRunner {

    /** The width of the browser window the panel widths are taken from, for {@code maxDataPoints}. */
    private static final int SCREEN_PIXELS = 1920;

    private final Dashboard dashboard;
    private final String url;
    private final String database;
    private final String datasourceUid;
    private final Duration datasourceMinInterval;
    private final Instant now;
    private final InfluxQl.TimeRange range;
    private final TemplateSrv variables = new TemplateSrv();

    /**
     * @param selections the values chosen for some variables ({@link TemplateSrv#ALL} for All);
     *                   the others keep the dashboard's saved selection
     */
    public DashboardRunner(Dashboard dashboard, String url, String database, String datasourceUid,
            Duration datasourceMinInterval, Instant now, Map<String, List<String>> selections) {
        this.dashboard = dashboard;
        this.url = url;
        this.database = database;
        this.datasourceUid = datasourceUid;
        this.datasourceMinInterval = datasourceMinInterval;
        this.now = now;
        this.range = InfluxQl.TimeRange.relative(dashboard.timeFrom(), dashboard.timeTo(), now);
        resolveVariables(selections);
    }

    public TemplateSrv variables() {
        return variables;
    }

    private void resolveVariables(Map<String, List<String>> selections) {
        for (Map<String, Object> variable : dashboard.variables()) {
            String name = Maps.string(variable, "name");
            String type = Maps.string(variable, "type");
            List<String> selected = selections.getOrDefault(name, saved(variable));
            switch (type) {
                case "datasource" -> variables.set(name, TemplateSrv.Value.of(datasourceUid));
                case "query" -> {
                    String query = InfluxQl.interpolate(variables.replace(Maps.string(variable, "query"), "regex"), range,
                        InfluxQl.interval(range, InfluxQl.DEFAULT_MAX_DATA_POINTS, datasourceMinInterval));
                    InfluxQl.requireNoVariables(query);
                    List<String> options = TemplateSrv.tagValues(InfluxQl.execute(url, database, query).orFail());
                    variables.set(name, new TemplateSrv.Value(selected, options,
                        Maps.optionalString(variable, "allValue").filter(value -> !value.isEmpty()).orElse(null)));
                }
                default -> throw new IllegalArgumentException(dashboard + ": variable type '" + type + "' is not reproduced");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> saved(Map<String, Object> variable) {
        Object value = Maps.map(variable, "current").get("value");
        return value instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(value));
    }

    /**
     * One run of one panel's queries.
     *
     * @param panel    the panel
     * @param scope    the repeat variable's value for this copy of the panel, or null
     * @param results  each InfluxQL query's answer, by refId
     * @param numbers  each expression's result, by refId
     */
    public record PanelRun(Map<String, Object> panel, String scope, Map<String, InfluxQl.Result> results,
            Map<String, List<Sse.Number>> numbers) {

        public String title() {
            return Maps.string(panel, "title");
        }

        public InfluxQl.Result result(String refId) {
            InfluxQl.Result result = results.get(refId);
            if (result == null) {
                throw new IllegalArgumentException(title() + " has no query " + refId);
            }
            return result;
        }
    }

    /** Runs every panel's queries (a repeating panel once per value of its variable). */
    public List<PanelRun> runAll() {
        List<PanelRun> runs = new ArrayList<>();
        for (Map<String, Object> panel : dashboard.queryPanels()) {
            runs.addAll(run(panel));
        }
        return runs;
    }

    /** Runs one panel; several runs for a repeating panel. */
    public List<PanelRun> run(Map<String, Object> panel) {
        String repeat = Maps.optionalString(panel, "repeat").orElse("");
        if (repeat.isEmpty()) {
            return List.of(run(panel, variables, null));
        }
        TemplateSrv.Value value = variables.get(repeat);
        List<String> each = value.selected().contains(TemplateSrv.ALL) ? value.options() : value.selected();
        List<PanelRun> runs = new ArrayList<>();
        for (String one : each) {
            runs.add(run(panel, variables.with(repeat, TemplateSrv.Value.of(one)), one));
        }
        return runs;
    }

    private PanelRun run(Map<String, Object> panel, TemplateSrv scoped, String scope) {
        InfluxQl.TimeRange panelRange = Maps.optionalString(panel, "timeFrom")
            .map(from -> new InfluxQl.TimeRange(now.minus(InfluxQl.duration(from)), now)).orElse(range);
        long width = Maps.map(panel, "gridPos").get("w") instanceof Number w ? w.longValue() * SCREEN_PIXELS / 24 : 1000;
        long maxDataPoints = Maps.number(panel, "maxDataPoints").map(Number::longValue).orElse(width);
        Duration minimum = Maps.optionalString(panel, "interval").map(InfluxQl::duration).orElse(datasourceMinInterval);
        Duration interval = InfluxQl.interval(panelRange, maxDataPoints, minimum);
        Map<String, InfluxQl.Result> results = new LinkedHashMap<>();
        Map<String, List<InfluxQl.Frame>> frames = new LinkedHashMap<>();
        Map<String, List<Sse.Number>> numbers = new LinkedHashMap<>();
        for (Map<String, Object> target : Maps.maps(panel, "targets")) {
            String refId = Maps.string(target, "refId");
            Map<String, Object> datasource = Maps.map(target, "datasource");
            if ("__expr__".equals(datasource.get("uid"))) {
                numbers.put(refId, Sse.expression(target, frames, numbers));
                continue;
            }
            String query = InfluxQl.interpolate(scoped.replace(Maps.string(target, "query"), "regex"), panelRange, interval);
            InfluxQl.requireNoVariables(query);
            InfluxQl.Result result = InfluxQl.execute(url, database, query);
            results.put(refId, result);
            if (result.error().isEmpty()) {
                frames.put(refId, InfluxQl.frames(result));
            }
        }
        return new PanelRun(panel, scope, results, numbers);
    }
}
