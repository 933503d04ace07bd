package dev.medic.packages.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.medic.api.CheckEach;
import dev.medic.api.Measurements;
import dev.medic.api.RepairWith;
import dev.medic.api.Settings;
import dev.medic.api.Stats;
import dev.medic.api.Target;
import dev.medic.packages.system.internal.ProcessMatcher;
import dev.medic.packages.system.internal.Targets;

/** A process is running, found through {@link ProcessHandle} by its command and arguments. */
@RepairWith(ConfiguredRepair.class)
class ProcessChecks {

    @CheckEach("processes")
    void isRunning(Target target) {
        ProcessMatcher matcher = ProcessMatcher.from(target, target.name());
        int minCount = target.find("min-count", Integer.class).orElse(1);
        assertThat(matcher.find().size()).as("running processes with %s", matcher.describe())
            .isGreaterThanOrEqualTo(minCount);
    }

    @Stats
    void processCount(Settings settings, Measurements measurements) {
        Targets.measureEach(settings, "processes", target -> measurements.record("system.process.count",
            ProcessMatcher.from(target.settings(), target.name()).find().size(), Map.of("target", target.name())));
    }
}
