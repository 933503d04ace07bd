package dev.medic.packages.system;

import static dev.medic.packages.system.SystemPackage.target;
import static dev.medic.packages.system.SystemPackage.withTargets;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.api.RepairResult;
import dev.medic.engine.Reason;
import dev.medic.test.TestRepairContext;
import dev.medic.test.TestRun;

/** Choosing the repair a target configures. */
class ConfiguredRepairTest {

    @TempDir
    Path dir;

    @Test
    void aTargetWithoutARepairSectionIsUnresolvedAndSaysHowToAddOne() {
        TestRun run = withTargets("fresh-files", target("job", "path", dir.resolve("never").toString(), "max-age", "1h"))
            .run("FreshFileChecks.*");

        assertThat(run.reason("FreshFileChecks.isFresh[job]")).isEqualTo(Reason.NO_REPAIR);
        assertThat(run.repairs()).singleElement().satisfies(repair -> assertThat(repair.message())
            .isEqualTo("no repair is configured for FreshFileChecks.isFresh[job]; give the target a 'repair:' section with one of "
                + "restart-unit, command, shell, delete-old-files"));
    }

    @Test
    void aRepairSectionWithTwoKindsRunsNeither() {
        Path created = dir.resolve("created");

        TestRun run = withTargets("fresh-files", target("job", "path", dir.resolve("never").toString(), "max-age", "1h",
            "repair", Map.of("command", List.of("touch", created.toString()), "shell", "touch " + created)))
            .run("FreshFileChecks.*");

        assertThat(run.reason("FreshFileChecks.isFresh[job]")).isEqualTo(Reason.REPAIR_FAILED);
        assertThat(run.repairs()).singleElement().satisfies(repair -> assertThat(repair.message()).contains("sets command and shell"));
        assertThat(created).doesNotExist();
    }

    @Test
    void aFailureOfTheCheckMethodAsAWholeRunsNoTargetsRepair() throws Exception {
        Path created = dir.resolve("created");
        TestRepairContext context = TestRepairContext.forCheck("FreshFileChecks.isFresh")
            .failureMessage("setting 'fresh-files' has value 'x'; expected a list of sections")
            .setting("repair", Map.of("command", List.of("touch", created.toString()))).build();

        RepairResult result = new ConfiguredRepair().repair(context);

        assertThat(result.status()).isEqualTo(RepairResult.Status.NOT_APPLICABLE);
        assertThat(result.message()).startsWith("FreshFileChecks.isFresh failed as a whole, not for one of its targets");
        assertThat(created).doesNotExist();
    }

    @Test
    void reportOnlyKeepsTheConfiguredRepairFromRunning() {
        Path created = dir.resolve("created");

        TestRun run = withTargets("fresh-files", target("job", "path", dir.resolve("never").toString(), "max-age", "1h",
            "repair", Map.of("command", List.of("touch", created.toString())))).reportOnly(true).run("FreshFileChecks.*");

        assertThat(run.reason("FreshFileChecks.isFresh[job]")).isEqualTo(Reason.SUPPRESSED);
        assertThat(created).doesNotExist();
    }
}
