package dev.medic.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.medic.dashboards.fleet.DemoFleet;
import dev.medic.dashboards.fleet.SharedFleet;
import dev.medic.dashboards.grafana.RuleEvaluator;
import dev.medic.dashboards.grafana.RuleEvaluator.Evaluation;
import dev.medic.dashboards.grafana.RuleEvaluator.State;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairOutcome;
import dev.medic.engine.RunMode;

/**
 * Every provisioned alert rule, evaluated on what real Medic runs wrote to a real InfluxDB 1.x
 * (the {@link DemoFleet}).
 *
 * <p><b>Grafana's evaluation is reproduced, not run.</b> Grafana cannot be installed here: it is
 * not in Debian's archive, and the build reaches nothing beyond Debian's archive and Maven Central.
 * So {@link RuleEvaluator} does what Grafana's alerting does, written from Grafana's source: it
 * expands {@code $timeFilter} with the rule's relative time range, sends each InfluxQL query to
 * InfluxDB as the data source's back end would, reduces and combines the answers with the same
 * expression semantics (reduce, math with label matching, threshold), and applies the rule's
 * no-data and error states. The queries themselves are the real thing; the expression engine is a
 * faithful copy for the features these rules use, and fails loudly on anything else. A rule's
 * {@code for} (its pending period) only delays what one evaluation finds, and is not reproduced.
 */
@ExtendWith(SharedFleet.class)
class AlertRulesTest {

    private static Map<String, Map<String, Object>> rules;

    @BeforeAll
    static void readRules() {
        rules = Provisioned.rules();
    }

    private static Evaluation evaluate(DemoFleet fleet, String uid) {
        return evaluate(fleet, DemoFleet.DATABASE, uid);
    }

    private static Evaluation evaluate(DemoFleet fleet, String database, String uid) {
        assertThat(rules).containsKey(uid);
        RuleEvaluator evaluator = new RuleEvaluator(fleet.influx().url(), database, Provisioned.datasourceUid(),
            Provisioned.minInterval());
        return evaluator.evaluate(rules.get(uid), Instant.now());
    }

    /** The system package's path check on app-2, whose repair answers NOT_APPLICABLE. */
    private static final Map<String, String> APP_2_PATH =
        Map.of("environment", "production", "host", "app-2", "package", "system", "check", "PathChecks.exists[app-config]");

    private static Map<String, String> check(String environment, String host, String check) {
        return Map.of("environment", environment, "host", host, "package", "demo-service", "check",
            "DemoServiceChecks." + check);
    }

    @Test
    void theFleetIsWhatTheRulesAreTestedOn(DemoFleet fleet) {
        // If the demo package changes, these say why the rule tests below would fail.
        assertThat(fleet.reports().get("web-1")).extracting(report -> report.run().repaired()).containsExactly(1, 0);
        assertThat(fleet.reports().get("web-2")).last().satisfies(report -> assertThat(report.checks())
            .extracting(record -> record.reason()).containsExactlyInAnyOrder(Reason.GIVEN_UP, Reason.NO_REPAIR));
        assertThat(fleet.reports().get("db-1").get(0).checks()).filteredOn(record -> record.outcome() == Outcome.UNRESOLVED)
            .singleElement().satisfies(record -> assertThat(record.maintenance()).isEqualTo("disk-migration"));
        assertThat(fleet.reports().get("db-2").get(0).checks()).extracting(record -> record.reason())
            .containsExactlyInAnyOrder(Reason.NO_REPAIR, Reason.BLOCKED);
        assertThat(fleet.reports().get("db-3")).extracting(report -> report.run().mode() + ":" + report.run().unresolved())
            .containsExactly("RUN:1", "CHECK:0");
        assertThat(fleet.reports().get("app-1").get(0).checks()).anySatisfy(record -> assertThat(record.flapping()).isTrue());
        assertThat(fleet.reports().get("web-3").get(0).run().startedAt())
            .isBefore(Instant.now().minus(DemoFleet.SILENT_FOR).plusSeconds(60));
        assertThat(fleet.reports().get("poller-1").get(0).run().mode()).isEqualTo(RunMode.DAEMON);
        assertThat(fleet.reports().get("app-2").get(0).repairs()).singleElement()
            .satisfies(repair -> assertThat(repair.outcome()).isEqualTo(RepairOutcome.NOT_APPLICABLE));
        assertThat(fleet.reports().get("app-2").get(0).checks()).singleElement()
            .satisfies(record -> assertThat(record.reason()).isEqualTo(Reason.NO_REPAIR));
    }

    @Test
    void anUnresolvedCheckFiresUnlessAMaintenanceWindowOrAFailingDependencyExplainsIt(DemoFleet fleet) {
        Evaluation evaluation = evaluate(fleet, "medic-unresolved");

        assertThat(evaluation.error()).isEmpty();
        assertThat(evaluation.firing()).containsExactlyInAnyOrder(
            check("production", "web-2", "answersOnItsPort"),        // GIVEN_UP after three failed repairs
            check("production", "web-2", "workingDirectoryHasRoom"), // NO_REPAIR
            check("production", "db-2", "workingDirectoryHasRoom"),  // NO_REPAIR, and the dependency of the next one
            APP_2_PATH);                                             // its repair declined: NO_REPAIR
        assertThat(evaluation.states()).containsEntry(check("production", "web-1", "answersOnItsPort"), State.NORMAL)
            .containsEntry(check("production", "app-1", "answersOnItsPort"), State.NORMAL)
            .containsEntry(check("production", "db-3", "workingDirectoryHasRoom"), State.NORMAL) // fixed, then medic check
            .doesNotContainKey(check("production", "db-1", "workingDirectoryHasRoom"))   // maintenance window
            .doesNotContainKey(check("production", "db-2", "answersOnItsPort"));         // BLOCKED
        assertThat(evaluation.states().keySet()).as("pollers are consolidated by their own rule")
            .noneMatch(labels -> labels.get("host").startsWith("poller-"));
    }

    @Test
    void aRunnerSilentForThreeOfItsIntervalsFiresAndTheRunnersThatJustRanDoNot(DemoFleet fleet) {
        Evaluation evaluation = evaluate(fleet, "medic-silent-runner");

        assertThat(evaluation.error()).isEmpty();
        assertThat(evaluation.firing()).containsExactly(Map.of("environment", "staging", "host", "web-3"));
        assertThat(evaluation.states()).hasSize(fleet.reports().size())
            .containsEntry(Map.of("environment", "production", "host", "web-1"), State.NORMAL)
            .containsEntry(Map.of("environment", "production", "host", "web-2"), State.NORMAL)
            .containsEntry(Map.of("environment", "pollers-a", "host", "poller-1"), State.NORMAL);
    }

    @Test
    void threeRepairAttemptsOfOneCheckWithinAnHourAreAStorm(DemoFleet fleet) {
        Evaluation evaluation = evaluate(fleet, "medic-repair-storm");

        assertThat(evaluation.error()).isEmpty();
        assertThat(evaluation.firing()).containsExactly(check("production", "web-2", "answersOnItsPort"));
        assertThat(evaluation.states()).containsEntry(check("production", "web-1", "answersOnItsPort"), State.NORMAL)
            .containsEntry(check("production", "app-1", "answersOnItsPort"), State.NORMAL)
            .as("a repair that declined is no attempt").doesNotContainKey(APP_2_PATH);
    }

    @Test
    void aFlappingCheckFires(DemoFleet fleet) {
        Evaluation evaluation = evaluate(fleet, "medic-flapping");

        assertThat(evaluation.error()).isEmpty();
        assertThat(evaluation.firing()).containsExactly(check("production", "app-1", "answersOnItsPort"));
        assertThat(evaluation.states()).containsEntry(check("production", "web-1", "answersOnItsPort"), State.NORMAL);
    }

    @Test
    void aTargetPagesOnlyWhenEveryPollerSeesItDown(DemoFleet fleet) {
        Evaluation evaluation = evaluate(fleet, "medic-pollers-agree");

        assertThat(evaluation.error()).isEmpty();
        // pollers-a: poller-1 and poller-2 both see it down. pollers-b: poller-3 sees it up, poller-4 down.
        assertThat(evaluation.firing()).containsExactly(
            Map.of("environment", "pollers-a", "package", "demo-service", "check", "DemoServiceChecks.answersOnItsPort"));
        assertThat(evaluation.states()).containsEntry(
            Map.of("environment", "pollers-b", "package", "demo-service", "check", "DemoServiceChecks.answersOnItsPort"),
            State.NORMAL).hasSize(4);
    }

    @Test
    void withNoMetricsAtAllOnlyTheSilentRunnerRuleFires(DemoFleet fleet) throws Exception {
        fleet.influx().createDatabase("empty");

        for (String uid : rules.keySet()) {
            Evaluation evaluation = evaluate(fleet, "empty", uid);
            assertThat(evaluation.raw()).as(uid).containsExactly(Map.entry(Map.of(), State.NO_DATA));
            assertThat(evaluation.states()).as(uid)
                .containsExactly(Map.entry(Map.of(), uid.equals("medic-silent-runner") ? State.ALERTING : State.NORMAL));
        }
    }

    @Test
    void whenInfluxDbRefusesTheQueriesEveryRuleIsInError(DemoFleet fleet) {
        for (String uid : rules.keySet()) {
            Evaluation evaluation = evaluate(fleet, "no_such_database", uid);
            assertThat(evaluation.error()).as(uid).hasValueSatisfying(error -> assertThat(error).contains("database not found"));
            assertThat(evaluation.states()).as(uid).containsExactly(Map.entry(Map.of(), State.ERROR));
        }
    }
}
