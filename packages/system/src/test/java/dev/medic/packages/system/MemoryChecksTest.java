package dev.medic.packages.system;

import static dev.medic.packages.system.SystemPackage.measured;
import static dev.medic.packages.system.SystemPackage.target;
import static dev.medic.packages.system.SystemPackage.withTargets;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import dev.medic.engine.Outcome;
import dev.medic.test.TestRun;

/** Available memory, against this machine's real memory. */
class MemoryChecksTest {

    private static long physicalMemory() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    }

    @Test
    void requiringNoMoreThanAMebibyteAvailableIsHealthy() {
        TestRun run = withTargets("memory", target("host", "min-available-bytes", "1MiB", "min-available-percent", 0)).check();

        assertThat(run.outcome("MemoryChecks.hasAvailableMemory[host]")).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void requiringMoreThanAllMemoryFailsAndSaysWhereTheNumberCameFrom() {
        long tooMuch = physicalMemory() * 2;

        TestRun run = withTargets("memory", target("host", "min-available-bytes", tooMuch)).check();

        assertThat(run.outcome("MemoryChecks.hasAvailableMemory[host]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("MemoryChecks.hasAvailableMemory[host]").message()).contains("available bytes")
            .contains("MemAvailable in /proc/meminfo").contains(String.valueOf(tooMuch));
    }

    @Test
    void requiringAllMemoryAvailableFailsOnPercent() {
        TestRun run = withTargets("memory", target("host", "min-available-percent", 100)).check();

        assertThat(run.outcome("MemoryChecks.hasAvailableMemory[host]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("MemoryChecks.hasAvailableMemory[host]").message()).contains("available percent");
    }

    @Test
    void aPercentageAboveAHundredIsRefused() {
        TestRun run = withTargets("memory", target("host", "min-available-percent", 150)).check();

        assertThat(run.check("MemoryChecks.hasAvailableMemory[host]").message())
            .contains("setting 'min-available-percent' has value 150.0; expected a percentage from 0 to 100");
    }

    @Test
    void statsRecordAvailableAndTotalMemory() {
        TestRun run = withTargets("memory", target("host", "min-available-percent", 0)).run();

        assertThat(measured(run, "system.memory.total_bytes", "host")).singleElement()
            .satisfies(total -> assertThat(total).isPositive());
        assertThat(measured(run, "system.memory.available_bytes", "host")).singleElement()
            .satisfies(available -> assertThat(available).isPositive());
        assertThat(measured(run, "system.memory.available_percent", "host")).singleElement()
            .satisfies(percent -> assertThat(percent).isBetween(0.0, 100.0));
    }
}
