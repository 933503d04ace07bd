package dev.medic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/medic.yml as shipped, with the demo and the three built-in packages the build put into
 * examples/packages, run in a copy whose only change is a free port instead of 18080.
 */
class ExampleConfigTest {

    @TempDir
    Path dir;

    private Path config;
    private Demo demo;

    @BeforeEach
    void copyTheExample() throws IOException {
        Path examples = Path.of(System.getProperty("medic.demo.packages", "../../examples/packages")).getParent();
        Files.createDirectories(dir.resolve("packages"));
        try (Stream<Path> jars = Files.list(examples.resolve("packages"))) {
            for (Path jar : jars.filter(file -> file.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, dir.resolve("packages").resolve(jar.getFileName()));
            }
        }
        int port = Demo.freePort();
        config = dir.resolve("medic.yml");
        Files.writeString(config, Files.readString(examples.resolve("medic.yml")).replace("18080", Integer.toString(port)));
        demo = Demo.at(dir.resolve("work"), port);
    }

    @AfterEach
    void stopTheService() throws IOException {
        demo.close();
    }

    @Test
    void theFirstRunRepairsTheServiceAndItsWatchersAndTheSecondFindsEverythingHealthy() {
        Cli.Result first = Cli.run("run", "--config", config.toString());

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("REPAIRED   demo-service/DemoServiceChecks.answersOnItsPort")
            .contains("REPAIRED   http/HttpChecks.answers[demo-health]")
            .contains("REPAIRED   network/NetworkChecks.tcp[demo-service]")
            .contains("REPAIRED   system/PortChecks.isListening[demo-service]")
            .contains("REPAIRED   system/FreshFileChecks.isFresh[demo-job]")
            .contains("HEALTHY    network/NetworkChecks.dns[localhost]")
            .contains("HEALTHY    system/DiskChecks.hasFreeSpace[work]")
            .contains("0 unresolved");
        assertThat(dir.resolve("work/demo-job.done")).as("the fresh-file repair ran in work/, next to the config").exists();

        Cli.Result second = Cli.run("run", "--config", config.toString());

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("12 checks: 12 healthy, 0 repaired, 0 unresolved");
    }
}
