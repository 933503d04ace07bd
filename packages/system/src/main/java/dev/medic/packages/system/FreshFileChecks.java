package dev.medic.packages.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.medic.api.CheckEach;
import dev.medic.api.Measurements;
import dev.medic.api.RepairWith;
import dev.medic.api.Settings;
import dev.medic.api.Stats;
import dev.medic.api.Target;
import dev.medic.packages.system.internal.Durations;
import dev.medic.packages.system.internal.Targets;

/**
 * A file was modified within a grace time: the local dead man's switch for a job such as a cron
 * job that writes or touches the file each time it succeeds.
 */
@RepairWith(ConfiguredRepair.class)
class FreshFileChecks {

    @CheckEach("fresh-files")
    void isFresh(Target target) throws IOException {
        Path path = target.get("path", Path.class);
        Duration maxAge = target.getDuration("max-age");
        assertThat(path).as("file of target '%s', written by the job it watches", target.name()).exists();
        Instant modified = Files.getLastModifiedTime(path).toInstant();
        assertThat(age(path).toSeconds())
            .as("seconds since %s was last modified (at %s); max-age is %s", path, modified, Durations.text(maxAge))
            .isLessThanOrEqualTo(maxAge.toSeconds());
    }

    @Stats
    void fileAge(Settings settings, Measurements measurements) {
        Targets.measureEach(settings, "fresh-files", target -> measurements.record("system.file.age_seconds",
            age(target.settings().get("path", Path.class)).toSeconds(), Map.of("target", target.name())));
    }

    private static Duration age(Path path) throws IOException {
        return Duration.between(Files.getLastModifiedTime(path).toInstant(), Instant.now());
    }
}
