package dev.medic.packages.system;

import static dev.medic.packages.system.SystemPackage.measured;
import static dev.medic.packages.system.SystemPackage.target;
import static dev.medic.packages.system.SystemPackage.withTargets;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairOutcome;
import dev.medic.test.PackageTestKit;
import dev.medic.test.TestRun;

/**
 * The unit check and the restart-unit repair, against a stand-in systemctl ({@link FakeSystemctl}):
 * systemd cannot run in the test environment.
 */
class UnitChecksTest {

    private static final String UNIT = "web.service";

    @TempDir
    Path dir;

    private FakeSystemctl systemctl;

    @BeforeEach
    void installStandIn() throws IOException {
        systemctl = FakeSystemctl.in(dir);
    }

    private PackageTestKit web(Object... more) {
        Object[] keys = new Object[2 + more.length];
        keys[0] = "unit";
        keys[1] = UNIT;
        System.arraycopy(more, 0, keys, 2, more.length);
        return withTargets("units", target("web", keys)).setting("systemctl", systemctl.executable().toString());
    }

    @Test
    void anActiveUnitIsHealthy() throws IOException {
        systemctl.state(UNIT, "active");

        TestRun run = web().check();

        assertThat(run.outcome("UnitChecks.isActive[web]")).isEqualTo(Outcome.HEALTHY);
        assertThat(systemctl.calls()).containsExactly("is-active " + UNIT);
    }

    @Test
    void aFailedUnitFailsWithTheStateSystemctlReported() throws IOException {
        systemctl.state(UNIT, "failed");

        TestRun run = web().check();

        assertThat(run.reason("UnitChecks.isActive[web]")).isEqualTo(Reason.CHECK_ONLY);
        assertThat(run.check("UnitChecks.isActive[web]").message()).contains("state of unit " + UNIT)
            .contains("exit code 3").contains("\"failed\"").contains("\"active\"");
    }

    @Test
    void restartUnitRestartsAnInactiveUnitAndTheRetestPasses() throws IOException {
        systemctl.state(UNIT, "inactive");

        TestRun run = web("repair", Map.of("restart-unit", UNIT)).run("UnitChecks.*");

        assertThat(run.outcome("UnitChecks.isActive[web]")).isEqualTo(Outcome.REPAIRED);
        assertThat(run.repairs()).singleElement().satisfies(repair -> {
            assertThat(repair.outcome()).isEqualTo(RepairOutcome.SUCCEEDED);
            assertThat(repair.message()).isEqualTo("restarted " + UNIT + "; it is active");
        });
        assertThat(systemctl.calls()).containsSubsequence("is-active " + UNIT, "restart " + UNIT, "is-active " + UNIT);
    }

    @Test
    void restartUnitWaitsWhileTheUnitIsActivating() throws IOException {
        systemctl.state(UNIT, "inactive");
        systemctl.stateAfterRestart(UNIT, "activating");

        TestRun run = web("repair", Map.of("restart-unit", UNIT)).run("UnitChecks.*");

        assertThat(run.outcome("UnitChecks.isActive[web]")).isEqualTo(Outcome.REPAIRED);
        assertThat(systemctl.calls()).containsSubsequence("restart " + UNIT, "is-active " + UNIT, "is-active " + UNIT);
    }

    @Test
    void aRestartThatSystemctlReportsAsFailedIsAFailedRepairQuotingItsError() throws IOException {
        systemctl.state(UNIT, "failed");
        systemctl.breakRestarts(UNIT);

        TestRun run = web("repair", Map.of("restart-unit", UNIT)).run("UnitChecks.*");

        assertThat(run.reason("UnitChecks.isActive[web]")).isEqualTo(Reason.REPAIR_FAILED);
        assertThat(run.repairs()).singleElement().satisfies(repair -> {
            assertThat(repair.outcome()).isEqualTo(RepairOutcome.FAILED);
            assertThat(repair.message()).contains("systemctl restart " + UNIT + " failed with exit code 1")
                .contains("Job for " + UNIT + " failed");
        });
    }

    @Test
    void aUnitThatFailsRightAfterItsRestartIsAFailedRepair() throws IOException {
        systemctl.state(UNIT, "inactive");
        systemctl.stateAfterRestart(UNIT, "failed");

        TestRun run = web("repair", Map.of("restart-unit", UNIT)).run("UnitChecks.*");

        assertThat(run.reason("UnitChecks.isActive[web]")).isEqualTo(Reason.REPAIR_FAILED);
        assertThat(run.repairs()).singleElement().satisfies(repair ->
            assertThat(repair.message()).isEqualTo("restarted " + UNIT + ", but it is failed"));
    }

    @Test
    void aUnitNameThatLooksLikeAnOptionIsNeverPassedToSystemctl() throws IOException {
        TestRun run = withTargets("units", target("sneaky", "unit", "--all"))
            .setting("systemctl", systemctl.executable().toString()).check();

        assertThat(run.check("UnitChecks.isActive[sneaky]").message()).contains("unit '--all' is not a unit name");
        assertThat(systemctl.calls()).isEmpty();
    }

    @Test
    void statsRecordWhetherTheUnitIsActive() throws IOException {
        systemctl.state(UNIT, "active");
        systemctl.state("db.service", "inactive");

        TestRun run = withTargets("units", target("web", "unit", UNIT), target("db", "unit", "db.service"))
            .setting("systemctl", systemctl.executable().toString()).run();

        assertThat(measured(run, "system.unit.active", "web")).containsExactly(1.0);
        assertThat(measured(run, "system.unit.active", "db")).containsExactly(0.0);
    }
}
