package dev.medic.packages.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.medic.api.CheckEach;
import dev.medic.api.Measurements;
import dev.medic.api.RepairWith;
import dev.medic.api.Settings;
import dev.medic.api.Stats;
import dev.medic.api.Target;
import dev.medic.packages.system.internal.ByteSize;
import dev.medic.packages.system.internal.Targets;
import dev.medic.packages.system.internal.Thresholds;

/**
 * Free space on the file system that holds a path. "Free" is the space this user may still write
 * ({@link FileStore#getUsableSpace()}, what {@code df} shows as available), so blocks reserved
 * for root do not count for other users.
 */
@RepairWith(ConfiguredRepair.class)
class DiskChecks {

    @CheckEach("disks")
    void hasFreeSpace(Target target) throws IOException {
        Path path = target.get("path", Path.class);
        Optional<Long> minBytes = Thresholds.bytes(target, "min-free-bytes");
        Optional<Double> minPercent = Thresholds.percent(target, "min-free-percent");
        Thresholds.requireAny(target.name(), minBytes.isPresent() || minPercent.isPresent(), "min-free-bytes", "min-free-percent");
        assertThat(path).as("path of disk target '%s'", target.name()).exists();

        FileStore store = Files.getFileStore(path);
        long free = store.getUsableSpace();
        long total = store.getTotalSpace();
        String where = "the file system of " + path + " (" + ByteSize.format(free) + " free of " + ByteSize.format(total) + ")";
        minBytes.ifPresent(min -> assertThat(free).as("free bytes on %s; min-free-bytes is %s", where, ByteSize.format(min))
            .isGreaterThanOrEqualTo(min));
        minPercent.ifPresent(min -> assertThat(percent(free, total)).as("free percent on %s", where)
            .isGreaterThanOrEqualTo(min));
    }

    @Stats
    void diskSpace(Settings settings, Measurements measurements) {
        Targets.measureEach(settings, "disks", target -> {
            FileStore store = Files.getFileStore(target.settings().get("path", Path.class));
            Map<String, String> tags = Map.of("target", target.name());
            measurements.record("system.disk.free_bytes", store.getUsableSpace(), tags);
            measurements.record("system.disk.total_bytes", store.getTotalSpace(), tags);
            measurements.record("system.disk.free_percent", percent(store.getUsableSpace(), store.getTotalSpace()), tags);
        });
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : part * 100.0 / whole;
    }
}
