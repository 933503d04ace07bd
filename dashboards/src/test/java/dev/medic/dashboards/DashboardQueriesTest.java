package dev.medic.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.medic.dashboards.fleet.DemoFleet;
import dev.medic.dashboards.fleet.SharedFleet;
import dev.medic.dashboards.grafana.Dashboard;
import dev.medic.dashboards.grafana.DashboardRunner;
import dev.medic.dashboards.grafana.DashboardRunner.PanelRun;
import dev.medic.dashboards.grafana.InfluxQl;
import dev.medic.dashboards.grafana.Sse;
import dev.medic.dashboards.grafana.TemplateSrv;

/**
 * Every query of every dashboard, run against what real Medic runs wrote to a real InfluxDB 1.x
 * (the {@link DemoFleet}), with the variables expanded as Grafana expands them: All, one host,
 * and several hosts of one environment.
 *
 * <p>Grafana is not run (it cannot be installed here; see {@link AlertRulesTest}). Its part is
 * reproduced by {@link DashboardRunner}: the variable queries, the front end's regex formatting
 * of the selected values, the back end's {@code $timeFilter} and {@code $__interval}, repeated
 * panels and panels' own time ranges, and the server-side expressions of the silent-runner panel.
 * What InfluxDB answers is real, and the assertions check it against what the fleet did.
 */
@ExtendWith(SharedFleet.class)
class DashboardQueriesTest {

    private static final Map<String, List<String>> ALL = Map.of();
    private static final Map<String, List<String>> WEB_2 = Map.of("host", List.of("web-2"));
    private static final Map<String, List<String>> WEB_1_AND_2 =
        Map.of("environment", List.of("production"), "host", List.of("web-1", "web-2"));

    private static DashboardRunner open(DemoFleet fleet, String uid, Map<String, List<String>> selections) {
        Dashboard dashboard = Provisioned.FILES.dashboards().stream().filter(d -> d.uid().equals(uid)).findFirst()
            .orElseThrow();
        return new DashboardRunner(dashboard, fleet.influx().url(), DemoFleet.DATABASE, Provisioned.datasourceUid(),
            Provisioned.minInterval(), Instant.now(), selections);
    }

    private static PanelRun panel(DashboardRunner runner, String title) {
        List<PanelRun> runs = runner.runAll().stream().filter(run -> run.title().equals(title)).toList();
        assertThat(runs).as("panel %s", title).hasSize(1);
        return runs.get(0);
    }

    private static double single(PanelRun run) {
        List<Map<String, Object>> rows = run.result("A").orFail().rows();
        assertThat(rows).as(run.title()).hasSize(1);
        Map<String, Object> row = rows.get(0);
        return ((Number) row.values().stream().reduce((first, second) -> second).orElseThrow()).doubleValue();
    }

    static Stream<Arguments> everyDashboardAndSelection() {
        return Provisioned.FILES.dashboards().stream().flatMap(dashboard -> Stream.of(
            Arguments.of(dashboard.uid(), "All", ALL),
            Arguments.of(dashboard.uid(), "host web-2", WEB_2),
            Arguments.of(dashboard.uid(), "production, hosts web-1 and web-2", WEB_1_AND_2)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("everyDashboardAndSelection")
    void everyQueryRunsAndFindsData(String uid, String description, Map<String, List<String>> selections, DemoFleet fleet) {
        DashboardRunner runner = open(fleet, uid, selections);
        List<PanelRun> runs = runner.runAll();

        assertThat(runs).isNotEmpty();
        for (PanelRun run : runs) {
            run.results().forEach((refId, result) -> {
                assertThat(result.error()).as("%s %s: %s", run.title(), refId, result.query()).isEmpty();
                if (selections == ALL) {
                    assertThat(result.series()).as("%s %s found nothing: %s", run.title(), refId, result.query()).isNotEmpty();
                }
            });
        }
    }

    @Test
    void multiValueSelectionsBecomeAnEscapedAlternationAndAllBecomesTheCustomAllValue(DemoFleet fleet) {
        TemplateSrv variables = open(fleet, "medic-fleet", WEB_1_AND_2).variables();

        assertThat(variables.replace("\"host\" =~ /^$host$/", "regex")).isEqualTo("\"host\" =~ /^(web-1|web-2)$/");
        assertThat(variables.replace("\"environment\" =~ /^$environment$/", "regex"))
            .isEqualTo("\"environment\" =~ /^production$/");
        assertThat(variables.replace("\"check\" =~ /^$check$/", "regex")).isEqualTo("\"check\" =~ /^.*$/");
        assertThat(variables.get("host").options()).as("hosts of the production environment only")
            .containsExactlyInAnyOrder("web-1", "web-2", "db-1", "db-2", "db-3", "app-1", "app-2");
        assertThat(variables.get("check").options())
            .containsExactlyInAnyOrder("DemoServiceChecks.answersOnItsPort", "DemoServiceChecks.workingDirectoryHasRoom");
    }

    @Test
    void fleetOverviewCountsWhatTheFleetDid(DemoFleet fleet) {
        DashboardRunner all = open(fleet, "medic-fleet", ALL);

        // web-2 (2), db-1 in maintenance (1), db-2 (2), app-2 (1), poller-1, poller-2, poller-4 (1 each); db-3 was fixed
        assertThat(single(panel(all, "Unresolved checks"))).isEqualTo(9);
        // web-1 1, web-2 3, app-1 1; app-2's repair declined (NOT_APPLICABLE), which is no attempt
        assertThat(single(panel(all, "Repairs in range"))).isEqualTo(5);
        assertThat(single(panel(all, "Repair success"))).isCloseTo(40, within(0.001));
        assertThat(single(panel(all, "Hosts reporting"))).isEqualTo(fleet.reports().size());
        long hostsAndChecks = fleet.reports().values().stream().mapToLong(reports -> reports.stream()
            .flatMap(report -> report.checks().stream()).map(record -> record.check().name()).distinct().count()).sum();
        assertThat(panel(all, "Host × check").result("A").orFail().rows())
            .hasSize((int) hostsAndChecks)
            .anySatisfy(row -> assertThat(row).containsEntry("host", "web-2")
                .containsEntry("check", "DemoServiceChecks.answersOnItsPort").containsEntry("state", 1L))
            .anySatisfy(row -> assertThat(row).containsEntry("host", "web-1")
                .containsEntry("check", "DemoServiceChecks.answersOnItsPort").containsEntry("state", 0L));
        List<Map<String, Object>> unresolved = panel(all, "Unresolved now").result("A").orFail().rows();
        assertThat(unresolved).hasSize(9)
            .anySatisfy(row -> assertThat(row).containsEntry("host", "db-1").containsEntry("maintenance", "disk-migration"))
            .anySatisfy(row -> assertThat(row).containsEntry("host", "db-2").containsEntry("reason", "BLOCKED")
                .containsEntry("blocked_by", "demo-service/DemoServiceChecks.workingDirectoryHasRoom"))
            .anySatisfy(row -> assertThat(row).containsEntry("host", "web-2").containsEntry("health", "GIVEN_UP"))
            .anySatisfy(row -> assertThat(row).containsEntry("host", "app-2").containsEntry("reason", "NO_REPAIR"));
        assertThat(panel(all, "Repairs by result").result("A").orFail().series())
            .extracting(series -> series.tags().get("result")).containsExactlyInAnyOrder("SUCCEEDED", "FAILED", "NOT_APPLICABLE");

        DashboardRunner web2 = open(fleet, "medic-fleet", WEB_2);
        assertThat(single(panel(web2, "Unresolved checks"))).isEqualTo(2);
        assertThat(single(panel(web2, "Repair success"))).isZero();
        assertThat(single(panel(open(fleet, "medic-fleet", WEB_1_AND_2), "Repairs in range"))).isEqualTo(4);
    }

    @Test
    void silentRunnerPanelsMeasureIntervalsSinceTheLastRun(DemoFleet fleet) {
        for (String uid : List.of("medic-fleet", "medic-runners")) {
            PanelRun run = panel(open(fleet, uid, ALL), "Silent runners: intervals since the last run");
            Map<String, Double> missed = run.numbers().get("G").stream()
                .collect(Collectors.toMap(number -> number.labels().get("host"), Sse.Number::value));

            assertThat(missed).as(uid).hasSize(fleet.reports().size());
            // 40 minutes at a 5-minute interval; minute steps make it 8 give or take one step
            assertThat(missed.get("web-3")).as(uid).isBetween(7.8, 8.4);
            missed.forEach((host, intervals) -> {
                if (!host.equals("web-3")) {
                    assertThat(intervals).as("%s %s", uid, host).isLessThan(1);
                }
            });
        }
    }

    @Test
    void checkDetailShowsEveryResultRepairAndMessageOfOneCheck(DemoFleet fleet) {
        DashboardRunner runner = open(fleet, "medic-check",
            Map.of("host", List.of("web-2"), "check", List.of("DemoServiceChecks.answersOnItsPort")));

        assertThat(panel(runner, "State").result("A").orFail().series()).singleElement()
            .satisfies(series -> assertThat(series.column("state")).containsExactly(1L, 1L, 1L, 1L));
        assertThat(panel(runner, "Policy state and flapping").result("A").orFail().series()).singleElement()
            .satisfies(series -> assertThat(series.column("health")).containsExactly("FAILING", "FAILING", "FAILING", "GIVEN_UP"));
        assertThat(panel(runner, "Repair attempts").result("A").orFail().rows()).hasSize(3)
            .allSatisfy(row -> assertThat(row).containsEntry("repair", "StartDemoService").containsEntry("result", "FAILED")
                .containsEntry("success", 0L));
        assertThat(panel(runner, "Failure messages").result("A").orFail().rows()).hasSize(4)
            .first().satisfies(row -> assertThat((String) row.get("message")).contains("given up"));
    }

    @Test
    void repairActivityRanksChecksAndFindsTheFlappingAndTheGivenUp(DemoFleet fleet) {
        DashboardRunner runner = open(fleet, "medic-repairs", ALL);

        assertThat(single(panel(runner, "Repair attempts"))).isEqualTo(5);
        assertThat(single(panel(runner, "Success rate"))).isCloseTo(40, within(0.001));
        assertThat(single(panel(runner, "Declined (NOT_APPLICABLE)"))).isEqualTo(1);
        assertThat(single(panel(runner, "Checks given up"))).isEqualTo(1);
        assertThat(panel(runner, "Most repaired checks").result("A").orFail().rows())
            .anySatisfy(row -> assertThat(row).containsEntry("host", "web-2").containsEntry("attempts", 3L)
                .containsEntry("succeeded", 0L));
        assertThat(panel(runner, "Flapping checks").result("A").orFail().rows()).singleElement()
            .satisfies(row -> assertThat(row).containsEntry("host", "app-1").containsEntry("flapping", 1L));
        assertThat(panel(runner, "Given up").result("A").orFail().rows()).singleElement()
            .satisfies(row -> assertThat(row).containsEntry("host", "web-2").containsEntry("reason", "GIVEN_UP"));
    }

    @Test
    void statsRepeatOnePanelPerStatWithEveryHost(DemoFleet fleet) {
        DashboardRunner runner = open(fleet, "medic-stats", ALL);
        List<PanelRun> repeated = runner.runAll().stream().filter(run -> run.scope() != null).toList();

        assertThat(repeated).extracting(PanelRun::scope)
            .containsExactlyInAnyOrder("demo.response_ms", "demo.status_code", "system.path.exists");
        PanelRun status = repeated.stream().filter(run -> run.scope().equals("demo.status_code")).findFirst().orElseThrow();
        Set<String> hosts = status.result("A").orFail().series().stream().map(series -> series.tags().get("host"))
            .collect(Collectors.toSet());
        assertThat(hosts).contains("web-1", "web-2", "poller-3");
        assertThat(status.result("A").orFail().series()).filteredOn(series -> series.tags().get("host").equals("web-2"))
            .singleElement().satisfies(series -> assertThat(series.column("mean"))
                .allSatisfy(mean -> assertThat(((Number) mean).doubleValue()).isEqualTo(503.0)));
    }

    @Test
    void runnerHealthShowsEachHostsLastRunModeAndInterval(DemoFleet fleet) {
        DashboardRunner runner = open(fleet, "medic-runners", ALL);

        List<Map<String, Object>> last = panel(runner, "Last run per host").result("A").orFail().rows();
        assertThat(last).hasSize(fleet.reports().size())
            // the shortest interval of an enabled check or stats method, whatever level sets it
            .anySatisfy(row -> assertThat(row).containsEntry("host", "web-1").containsEntry("interval_s", 120L))
            .anySatisfy(row -> assertThat(row).containsEntry("host", "db-1").containsEntry("interval_s", 300L))
            .anySatisfy(row -> assertThat(row).containsEntry("host", "db-2").containsEntry("interval_s", 600L))
            .anySatisfy(row -> assertThat(row).containsEntry("host", "db-3").containsEntry("mode", "check"))
            .anySatisfy(row -> assertThat(row).containsEntry("host", "poller-1").containsEntry("mode", "daemon"));
        assertThat(panel(runner, "Runs").result("A").orFail().series()).extracting(series -> series.tags().get("mode"))
            .contains("run", "check", "daemon");
        assertThat(panel(runner, "Points lost").result("A").orFail().rows()).hasSize(fleet.reports().size())
            .allSatisfy(row -> assertThat(row).containsEntry("dropped", 0L).containsEntry("rejected", 0L));
        InfluxQl.Result backlog = panel(runner, "Spool backlog").result("A").orFail();
        assertThat(backlog.series()).hasSize(fleet.reports().size());
    }
}
