package dev.medic.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ConfigPathsTest {

    @Test
    void relativePathsResolveAgainstTheConfigurationFilesDirectoryNotTheWorkingDirectory() {
        Path base = Path.of("/etc/medic");

        assertThat(ConfigPaths.resolve(base, "state")).isEqualTo(Path.of("/etc/medic/state"));
        assertThat(ConfigPaths.resolve(base, " ./a/../b ")).isEqualTo(Path.of("/etc/medic/b"));
        assertThat(ConfigPaths.resolve(base, "/srv/medic")).isEqualTo(Path.of("/srv/medic"));
        assertThat(ConfigPaths.resolve(base, "~other/x")).isEqualTo(Path.of("/etc/medic/~other/x"));
    }

    @Test
    void aTildeIsTheHomeDirectory() {
        assertThat(ConfigPaths.resolve(Path.of("/etc/medic"), "~/medic")).isEqualTo(ConfigPaths.home().resolve("medic"));
        assertThat(ConfigPaths.resolve(Path.of("/etc/medic"), "~")).isEqualTo(ConfigPaths.home());
    }
}
