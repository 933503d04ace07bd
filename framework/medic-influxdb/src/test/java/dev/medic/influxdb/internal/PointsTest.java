package dev.medic.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.medic.api.CheckId;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.HealthState;
import dev.medic.engine.Measurement;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairOutcome;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunRecord;

/** The schema of docs/metrics.md, line by line. */
class PointsTest {

    private static final Instant T = Instant.parse("2026-11-21T09:34:07.123Z");
    private static final CheckId CHECK = new CheckId("demo-service", "DemoServiceChecks.answersOnItsPort");
    private final Points points = new Points("web-1", "production");

    @Test
    void checkPointCarriesOutcomeReasonStateDurationAttemptsMessageAndRepairAtItsStart() {
        CheckRecord record = new CheckRecord("r", CHECK, Outcome.UNRESOLVED, Reason.REPAIR_FAILED, T,
            Duration.ofMillis(432), 1, "nothing answers on 127.0.0.1:18080", "StartDemoService");

        assertThat(points.check(record)).isEqualTo("medic_check,check=DemoServiceChecks.answersOnItsPort,"
            + "environment=production,health=FAILING,host=web-1,outcome=UNRESOLVED,package=demo-service,reason=REPAIR_FAILED "
            + "state=1i,duration_ms=432i,attempts=1i,message=\"nothing answers on 127.0.0.1:18080\",repair=\"StartDemoService\","
            + "flapping=0i,blocked_by=\"\",maintenance=\"\" 1795253647123");
    }

    @Test
    void checkPointCarriesThePolicyStateAsATagAndFlappingBlockedByAndMaintenanceAsFields() {
        CheckRecord record = new CheckRecord("r", CHECK, Outcome.UNRESOLVED, Reason.SUPPRESSED, T, Duration.ofMillis(5), 1,
            "window nightly-backup is open", "StartDemoService", HealthState.GIVEN_UP, true, "network/Net.resolves",
            "nightly-backup");

        assertThat(points.check(record)).contains(",health=GIVEN_UP,").contains(",reason=SUPPRESSED ")
            .contains(" state=1i,").contains(",flapping=1i,blocked_by=\"network/Net.resolves\",maintenance=\"nightly-backup\" ");
    }

    @Test
    void aHealthyCheckThatIsNotFlappingWritesFlappingZeroAndEmptyStrings() {
        CheckRecord record = new CheckRecord("r", CHECK, Outcome.HEALTHY, Reason.NONE, T, Duration.ZERO, 1, "", "",
            HealthState.HEALTHY, false, "", "");

        assertThat(points.check(record)).contains(",health=HEALTHY,").contains(",flapping=0i,blocked_by=\"\",maintenance=\"\" ");
    }

    @Test
    void healthyAndRepairedChecksHaveStateZero() {
        assertThat(points.check(new CheckRecord("r", CHECK, Outcome.REPAIRED, Reason.NONE, T, Duration.ZERO, 2, "", "X")))
            .contains("outcome=REPAIRED").contains("reason=NONE").contains(" state=0i,");
        assertThat(points.check(new CheckRecord("r", CHECK, Outcome.SKIPPED, Reason.NONE, T, Duration.ZERO, 1, "", "")))
            .contains("outcome=SKIPPED").contains(" state=0i,").contains("message=\"\",repair=\"\"");
    }

    @Test
    void repairPointCarriesResultSuccessDurationAndMessage() {
        RepairRecord record = new RepairRecord("r", CHECK, "StartDemoService", RepairOutcome.SUCCEEDED, T,
            Duration.ofMillis(182), "started pid 9758", Map.of("pid", "9758"), List.of("log line"));

        assertThat(points.repair(record)).isEqualTo("medic_repair,check=DemoServiceChecks.answersOnItsPort,"
            + "environment=production,host=web-1,package=demo-service,repair=StartDemoService,result=SUCCEEDED "
            + "success=1i,duration_ms=182i,message=\"started pid 9758\" 1795253647123");
    }

    @Test
    void aRepairThatDoesNotApplyHasSuccessZeroAndItsOwnResult() {
        RepairRecord record = new RepairRecord("r", CHECK, "RestartUnit", RepairOutcome.NOT_APPLICABLE, T,
            Duration.ofMillis(3), "no unit configured for this target", Map.of(), List.of());

        assertThat(points.repair(record)).contains(",result=NOT_APPLICABLE ").contains(" success=0i,duration_ms=3i,");
    }

    @Test
    void failedRepairHasSuccessZero() {
        RepairRecord record = new RepairRecord("r", CHECK, "Fix", RepairOutcome.TIMED_OUT, T, Duration.ofSeconds(120), "",
            Map.of(), List.of());

        assertThat(points.repair(record)).contains("result=TIMED_OUT").contains(" success=0i,duration_ms=120000i,");
    }

    @Test
    void statPointCarriesSourceNameOwnTagsAndAFloatValueAtItsTime() {
        Measurement measurement = new Measurement("r", "demo-service", "DemoServiceChecks.responseTime", "demo.response_ms",
            12.0, Map.of("path", "/health"), T);

        assertThat(points.stat(measurement)).contains("medic_stat,environment=production,host=web-1,package=demo-service,"
            + "path=/health,source=DemoServiceChecks.responseTime,stat=demo.response_ms value=12.0 1795253647123");
    }

    @Test
    void aStatTagNamedLikeAFixedTagIsPrefixedInsteadOfReplacingIt() {
        Measurement measurement = new Measurement("r", "p", "S.m", "n", 1, Map.of("host", "db-7"), T);

        assertThat(points.stat(measurement)).get().asString().contains(",host=web-1,").contains(",tag_host=db-7");
    }

    @Test
    void aStatThatIsNotANumberIsNotWritten() {
        assertThat(points.stat(new Measurement("r", "p", "S.m", "n", Double.NaN, Map.of(), T))).isEmpty();
    }

    @Test
    void runPointIsTheHeartbeatWithCountsDurationAndTheRunnersInterval() {
        RunRecord run = new RunRecord("r", RunMode.CHECK, "web-1", "production", T, Duration.ofMillis(742), 1, 2, 3, 4,
            Duration.ofMinutes(5));

        assertThat(points.run(run)).isEqualTo("medic_run,environment=production,host=web-1,mode=check "
            + "checks=10i,healthy=1i,repaired=2i,unresolved=3i,skipped=4i,duration_ms=742i,interval_s=300i 1795253647123");
    }

    @Test
    void aDaemonRunHasModeDaemonAndAnUnknownIntervalIsZero() {
        RunRecord run = new RunRecord("r", RunMode.DAEMON, "web-1", "production", T, Duration.ofMillis(9), 1, 0, 0, 0);

        assertThat(points.run(run)).contains(",mode=daemon ").contains(",interval_s=0i ");
    }

    @Test
    void spoolPointTakesTheRunsTimestamp() {
        RunRecord run = new RunRecord("r", RunMode.RUN, "web-1", "production", T, Duration.ZERO, 0, 0, 0, 0);

        assertThat(points.spool(run, 5, 2, 1))
            .isEqualTo("medic_spool,environment=production,host=web-1 pending=5i,dropped=2i,rejected=1i 1795253647123");
    }

    @Test
    void longMessagesAreCut() {
        String message = "x".repeat(Points.MAX_MESSAGE + 100);

        assertThat(points.check(new CheckRecord("r", CHECK, Outcome.UNRESOLVED, Reason.NO_REPAIR, T, Duration.ZERO, 1,
            message, ""))).contains("message=\"" + "x".repeat(Points.MAX_MESSAGE) + "…\"");
    }
}
