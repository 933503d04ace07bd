package dev.medic.packages.system;

import static dev.medic.packages.system.SystemPackage.measured;
import static dev.medic.packages.system.SystemPackage.target;
import static dev.medic.packages.system.SystemPackage.withTargets;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.medic.engine.Outcome;
import dev.medic.test.TestRun;

/** The load average, against this machine's real load. */
class LoadChecksTest {

    private final AtomicBoolean spinning = new AtomicBoolean(true);
    private Thread busy;

    /**
     * The build alone keeps the 1-minute load above zero; a spinning thread makes sure of it, so
     * that a limit of zero is exceeded for real.
     */
    private void keepTheMachineBusy() throws InterruptedException {
        busy = new Thread(() -> {
            while (spinning.get()) {
                Thread.onSpinWait();
            }
        });
        busy.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() <= 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    @AfterEach
    void stopSpinning() throws InterruptedException {
        spinning.set(false);
        if (busy != null) {
            busy.join();
        }
    }

    @Test
    void aGenerousLimitPerCoreIsHealthy() {
        TestRun run = withTargets("load", target("host", "max-load-per-core", 1000)).check();

        assertThat(run.outcome("LoadChecks.loadIsWithinLimit[host]")).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void anAbsoluteLimitOfZeroFailsOnABusyMachine() throws InterruptedException {
        keepTheMachineBusy();

        TestRun run = withTargets("load", target("host", "max-load", 0)).check();

        assertThat(run.outcome("LoadChecks.loadIsWithinLimit[host]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("LoadChecks.loadIsWithinLimit[host]").message()).contains("1-minute load average");
    }

    @Test
    void aLimitPerCoreOfZeroFailsOnABusyMachineNamingTheCores() throws InterruptedException {
        keepTheMachineBusy();

        TestRun run = withTargets("load", target("host", "max-load-per-core", 0, "max-load", 1000)).check();

        assertThat(run.outcome("LoadChecks.loadIsWithinLimit[host]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("LoadChecks.loadIsWithinLimit[host]").message())
            .contains("per core").contains(Runtime.getRuntime().availableProcessors() + " cores");
    }

    @Test
    void aNegativeLimitIsRefused() {
        TestRun run = withTargets("load", target("host", "max-load", -1)).check();

        assertThat(run.check("LoadChecks.loadIsWithinLimit[host]").message())
            .contains("setting 'max-load' has value -1.0; expected a number of 0 or more");
    }

    @Test
    void statsRecordTheLoadAndTheLoadPerCore() {
        TestRun run = withTargets("load", target("host", "max-load", 1000)).run();

        assertThat(measured(run, "system.load.1m", "host")).singleElement().satisfies(load -> {
            assertThat(load).isNotNegative();
            assertThat(measured(run, "system.load.1m_per_core", "host"))
                .containsExactly(load / Runtime.getRuntime().availableProcessors());
        });
    }
}
