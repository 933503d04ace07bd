package dev.medic.packages.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

import dev.medic.api.CheckEach;
import dev.medic.api.Measurements;
import dev.medic.api.RepairWith;
import dev.medic.api.Settings;
import dev.medic.api.Stats;
import dev.medic.api.Target;
import dev.medic.packages.system.internal.PathExpectation;
import dev.medic.packages.system.internal.Targets;

/** A path exists, optionally with a type, permission bits, owner and group. */
@RepairWith(ConfiguredRepair.class)
class PathChecks {

    @CheckEach("paths")
    void exists(Target target) throws IOException {
        Path path = target.get("path", Path.class);
        assertThat(PathExpectation.from(target).mismatches(path))
            .as("how %s differs from what path target '%s' declares", path, target.name()).isEmpty();
    }

    @Stats
    void pathExists(Settings settings, Measurements measurements) {
        Targets.measureEach(settings, "paths", target -> measurements.record("system.path.exists",
            Files.exists(target.settings().get("path", Path.class), LinkOption.NOFOLLOW_LINKS) ? 1 : 0,
            Map.of("target", target.name())));
    }
}
