package dev.medic.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.medic.dashboards.grafana.Dashboard;
import dev.medic.dashboards.grafana.GrafanaFiles;
import dev.medic.dashboards.grafana.Maps;
import dev.medic.dashboards.grafana.TemplateSrv;

/**
 * The dashboard files themselves, read as Grafana reads them: strict JSON in the current schema,
 * stable uids, the data source as a variable, and no reference to a variable, data source,
 * dashboard or query that does not exist.
 */
class DashboardFilesTest {

    /** The uids other files link to (alert rules, data links, docs): they must never change. */
    private static final Set<String> UIDS = Set.of("medic-fleet", "medic-check", "medic-repairs", "medic-stats", "medic-runners");

    /** Names Grafana or its InfluxDB back end replaces in a query, besides the dashboard's variables. */
    private static final Set<String> BACK_END = Set.of("timeFilter", "__interval", "interval", "__interval_ms");

    /** Names an alias may use, which the data source replaces per series ({@code $tag_host}, {@code $col}). */
    private static final Pattern ALIAS = Pattern.compile("tag_\\w+|col|m|measurement");

    private static final Map<String, Object> EXPRESSION = Map.of("type", "__expr__", "uid", "__expr__");

    static List<Dashboard> dashboards() {
        return Provisioned.FILES.dashboards();
    }

    @Test
    void theFiveDashboardsAreThereWithTheirStableUids() {
        assertThat(dashboards()).extracting(Dashboard::uid).containsExactlyInAnyOrderElementsOf(UIDS);
        assertThat(dashboards()).allSatisfy(dashboard ->
            assertThat(dashboard.file().getFileName().toString()).isEqualTo(dashboard.uid() + ".json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void isADashboardInTheCurrentSchema(Dashboard dashboard) {
        Map<String, Object> json = dashboard.json();

        assertThat(Maps.number(json, "schemaVersion")).hasValueSatisfying(version -> assertThat(version.intValue()).isGreaterThanOrEqualTo(39));
        assertThat(dashboard.uid()).matches("[a-z0-9-]{1,40}");
        assertThat(dashboard.title()).startsWith("Medic / ");
        assertThat(Maps.list(json, "tags")).contains("medic");
        assertThat(json.get("id")).as("an id would tie the file to one Grafana database").isNull();
        assertThat(dashboard.timeFrom()).startsWith("now-");
        assertThat(dashboard.panels()).allSatisfy(panel -> {
            assertThat(panel).containsKeys("id", "type", "title", "gridPos");
            assertThat(Maps.optionalString(panel, "description")).as(Maps.string(panel, "title")).isPresent();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void panelIdsAreUniqueAndPanelsFitTheGridWithoutOverlapping(Dashboard dashboard) {
        Set<Integer> ids = new HashSet<>();
        List<int[]> boxes = new ArrayList<>();
        for (Map<String, Object> panel : dashboard.panels()) {
            assertThat(ids.add(Maps.number(panel, "id").orElseThrow().intValue())).as("id of %s", panel.get("title")).isTrue();
            Map<String, Object> grid = Maps.map(panel, "gridPos");
            int x = ((Number) grid.get("x")).intValue();
            int y = ((Number) grid.get("y")).intValue();
            int w = ((Number) grid.get("w")).intValue();
            int h = ((Number) grid.get("h")).intValue();
            assertThat(x + w).as("right edge of %s", panel.get("title")).isLessThanOrEqualTo(24);
            assertThat(w > 0 && h > 0 && x >= 0 && y >= 0).isTrue();
            for (int[] other : boxes) {
                boolean apart = x + w <= other[0] || other[0] + other[2] <= x || y + h <= other[1] || other[1] + other[3] <= y;
                assertThat(apart).as("%s overlaps another panel", panel.get("title")).isTrue();
            }
            boxes.add(new int[] {x, y, w, h});
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void theDataSourceIsAVariableThatDefaultsToTheProvisionedOne(Dashboard dashboard) {
        Map<String, Object> variable = dashboard.variables().get(0);
        assertThat(variable).containsEntry("type", "datasource").containsEntry("name", "datasource")
            .containsEntry("query", "influxdb");
        assertThat(Maps.map(variable, "current")).containsEntry("value", Provisioned.datasourceUid());

        Map<String, Object> influx = Map.of("type", "influxdb", "uid", "${datasource}");
        for (Map<String, Object> panel : dashboard.panels()) {
            assertThat(Maps.map(panel, "datasource")).as("data source of %s", panel.get("title")).isEqualTo(influx);
            for (Map<String, Object> target : Maps.maps(panel, "targets")) {
                Map<String, Object> datasource = new LinkedHashMap<>(Maps.map(target, "datasource"));
                datasource.remove("name");
                assertThat(datasource).as("data source of %s %s", panel.get("title"), target.get("refId")).isIn(influx, EXPRESSION);
            }
        }
        for (Map<String, Object> query : dashboard.variables().subList(1, dashboard.variables().size())) {
            assertThat(Maps.map(query, "datasource")).isEqualTo(influx);
        }
        assertThat(GrafanaFiles.read(dashboard.file())).as("no data source named by a fixed uid or import input")
            .doesNotContain("${DS_").doesNotContain("\"uid\": \"" + Provisioned.datasourceUid() + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void queriesAreRawInfluxQlFilteredByTheTimePickerAndTheVariables(Dashboard dashboard) {
        for (Map<String, Object> panel : dashboard.queryPanels()) {
            for (Map<String, Object> target : Maps.maps(panel, "targets")) {
                if (EXPRESSION.get("uid").equals(Maps.map(target, "datasource").get("uid"))) {
                    continue;
                }
                String query = Maps.string(target, "query");
                String where = panel.get("title") + " " + target.get("refId");
                assertThat(Maps.bool(target, "rawQuery")).as(where).isTrue();
                assertThat(Maps.string(target, "resultFormat")).as(where).isIn("time_series", "table");
                assertThat(query).as(where).startsWith("SELECT ").contains("$timeFilter")
                    .as("$__timeFilter is the SQL data sources' macro; InfluxQL's is $timeFilter").doesNotContain("$__timeFilter");
                for (String tag : List.of("environment", "host", "package", "check")) {
                    if (query.contains("\"" + tag + "\" =~")) {
                        assertThat(query).as(where).contains("\"" + tag + "\" =~ /^$" + tag + "$/");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void everyVariableReferenceIsDefinedAndEveryVariableIsUsed(Dashboard dashboard) {
        Set<String> defined = new LinkedHashSet<>();
        Set<String> used = new LinkedHashSet<>();
        for (Map<String, Object> variable : dashboard.variables()) {
            String name = Maps.string(variable, "name");
            if (Maps.string(variable, "type").equals("query")) {
                Set<String> references = TemplateSrv.references(Maps.string(variable, "query"));
                assertThat(defined).as("variable %s may only use the ones before it", name).containsAll(references);
                used.addAll(references);
                used.add("datasource");
            }
            defined.add(name);
        }
        for (Map<String, Object> panel : dashboard.panels()) {
            String title = Maps.string(panel, "title");
            Set<String> inTitle = TemplateSrv.references(title);
            assertThat(defined).as("title %s", title).containsAll(inTitle);
            used.addAll(inTitle);
            Maps.optionalString(panel, "repeat").filter(repeat -> !repeat.isEmpty()).ifPresent(repeat -> {
                assertThat(defined).as("repeat of %s", title).contains(repeat);
                used.add(repeat);
            });
            Set<String> refIds = new HashSet<>();
            for (Map<String, Object> target : Maps.maps(panel, "targets")) {
                refIds.add(Maps.string(target, "refId"));
                Maps.optionalString(target, "query").ifPresent(query -> {
                    for (String name : TemplateSrv.references(query)) {
                        assertThat(defined.contains(name) || BACK_END.contains(name))
                            .as("$%s in %s is no variable of %s", name, title, dashboard).isTrue();
                        used.add(name);
                    }
                });
                Maps.optionalString(target, "alias").ifPresent(alias -> {
                    for (String name : TemplateSrv.references(alias)) {
                        assertThat(defined.contains(name) || ALIAS.matcher(name).matches())
                            .as("$%s in the alias of %s", name, title).isTrue();
                    }
                });
            }
            for (Map<String, Object> target : Maps.maps(panel, "targets")) {
                Maps.optionalString(target, "type").filter(type -> type.equals("reduce")).ifPresent(type ->
                    assertThat(refIds).as("reduce in %s", title).contains(Maps.string(target, "expression")));
                Maps.optionalString(target, "type").filter(type -> type.equals("math")).ifPresent(type ->
                    assertThat(refIds).as("math in %s", title).containsAll(TemplateSrv.references(Maps.string(target, "expression"))));
            }
        }
        assertThat(used).as("variables nothing uses").containsAll(defined);
    }

    @Test
    void everyLinkToADashboardNamesOneOfThem() {
        Pattern link = Pattern.compile("/d/([a-z0-9-]+)");
        for (Dashboard dashboard : dashboards()) {
            Matcher matcher = link.matcher(GrafanaFiles.read(dashboard.file()));
            while (matcher.find()) {
                assertThat(UIDS).as("link in %s", dashboard).contains(matcher.group(1));
            }
        }
        assertThat(GrafanaFiles.read(Provisioned.FILES.dashboardsDir().resolve("medic-fleet.json")))
            .as("the fleet overview leads to the check detail").contains("/d/medic-check/");
    }
}
