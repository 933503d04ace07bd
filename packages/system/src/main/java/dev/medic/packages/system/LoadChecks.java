package dev.medic.packages.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;

import dev.medic.api.CheckEach;
import dev.medic.api.Measurements;
import dev.medic.api.RepairWith;
import dev.medic.api.Settings;
import dev.medic.api.Stats;
import dev.medic.api.Target;
import dev.medic.packages.system.internal.Targets;
import dev.medic.packages.system.internal.Thresholds;

/**
 * The 1-minute load average, absolute or per core. The load comes from the operating system
 * ({@code getloadavg}, the first number of {@code /proc/loadavg}); the cores are the processors
 * this JVM may use, which a container's CPU limit can make fewer than the host has.
 */
@RepairWith(ConfiguredRepair.class)
class LoadChecks {

    @CheckEach("load")
    void loadIsWithinLimit(Target target) {
        Optional<Double> maxPerCore = Thresholds.nonNegative(target, "max-load-per-core");
        Optional<Double> max = Thresholds.nonNegative(target, "max-load");
        Thresholds.requireAny(target.name(), maxPerCore.isPresent() || max.isPresent(), "max-load-per-core", "max-load");
        double load = oneMinuteLoad();
        assumeTrue(load >= 0, "this system does not report a load average");
        int cores = cores();

        max.ifPresent(limit -> assertThat(load).as("1-minute load average (%d cores)", cores).isLessThanOrEqualTo(limit));
        maxPerCore.ifPresent(limit -> assertThat(load / cores)
            .as("1-minute load average per core (load %.2f over %d cores)", load, cores).isLessThanOrEqualTo(limit));
    }

    @Stats
    void load(Settings settings, Measurements measurements) {
        double load = oneMinuteLoad();
        if (load < 0) {
            return;
        }
        Targets.measureEach(settings, "load", target -> {
            Map<String, String> tags = Map.of("target", target.name());
            measurements.record("system.load.1m", load, tags);
            measurements.record("system.load.1m_per_core", load / cores(), tags);
        });
    }

    /** Negative when the system does not report one (Windows). */
    private static double oneMinuteLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
