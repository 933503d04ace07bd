package dev.medic.packages.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import dev.medic.api.CheckEach;
import dev.medic.api.Measurements;
import dev.medic.api.RepairWith;
import dev.medic.api.Settings;
import dev.medic.api.Stats;
import dev.medic.api.Target;
import dev.medic.packages.system.internal.ByteSize;
import dev.medic.packages.system.internal.Memory;
import dev.medic.packages.system.internal.Targets;
import dev.medic.packages.system.internal.Thresholds;

/** Memory available for new work on this host; see {@link Memory#read()} for where it comes from. */
@RepairWith(ConfiguredRepair.class)
class MemoryChecks {

    @CheckEach("memory")
    void hasAvailableMemory(Target target) {
        Optional<Long> minBytes = Thresholds.bytes(target, "min-available-bytes");
        Optional<Double> minPercent = Thresholds.percent(target, "min-available-percent");
        Thresholds.requireAny(target.name(), minBytes.isPresent() || minPercent.isPresent(),
            "min-available-bytes", "min-available-percent");

        Memory memory = Memory.read();
        String what = memory.source() + " (" + ByteSize.format(memory.availableBytes()) + " available of "
            + ByteSize.format(memory.totalBytes()) + ")";
        minBytes.ifPresent(min -> assertThat(memory.availableBytes())
            .as("available bytes, %s; min-available-bytes is %s", what, ByteSize.format(min)).isGreaterThanOrEqualTo(min));
        minPercent.ifPresent(min -> assertThat(memory.availablePercent()).as("available percent, %s", what)
            .isGreaterThanOrEqualTo(min));
    }

    @Stats
    void memory(Settings settings, Measurements measurements) {
        Targets.measureEach(settings, "memory", target -> {
            Memory memory = Memory.read();
            Map<String, String> tags = Map.of("target", target.name());
            measurements.record("system.memory.available_bytes", memory.availableBytes(), tags);
            measurements.record("system.memory.total_bytes", memory.totalBytes(), tags);
            measurements.record("system.memory.available_percent", memory.availablePercent(), tags);
        });
    }
}
