package dev.medic.influxdb.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.medic.config.ConfigProblem;
import dev.medic.config.ConfigProblems;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.MedicConfigReader;
import dev.medic.influxdb.InfluxConfig;

/** Reads an {@code influxdb:} section the way the runner does: from a real medic.yml, through the engine's reader. */
public final class InfluxConfigs {

    /**
     * @param config   the section, when it had no problems
     * @param medic    the engine's part of the file
     * @param problems every problem, as the user would see them
     */
    public record Read(Optional<InfluxConfig> config, MedicConfig medic, List<ConfigProblem> problems) {

        /** The section; fails with the problems when there were any. */
        public InfluxConfig orFail() {
            return config.orElseThrow(() -> new AssertionError("configuration problems: " + problems));
        }
    }

    private InfluxConfigs() {
    }

    /** Writes {@code medic.yml} with the given text into a directory and reads it. */
    public static Read read(Path directory, String yaml, Map<String, String> environment) throws IOException {
        Path file = directory.resolve("medic.yml");
        Files.createDirectories(directory);
        Files.writeString(file, yaml);
        ConfigProblems problems = new ConfigProblems();
        MedicConfigReader.Loaded loaded = new MedicConfigReader(List.of("influxdb"))
            .read(file, "medic.yml", directory.resolve("state"), problems);
        Optional<InfluxConfig> config = InfluxConfig.read(loaded.root(), loaded.config(), environment);
        return new Read(config, loaded.config(), problems.all());
    }

    /** A v1 configuration for a test server: small batches and a short flush interval, state under {@code directory}. */
    public static Read v1(Path directory, String url, String database, String extra) throws IOException {
        return read(directory, """
            state-dir: state
            environment: test
            host: test-host
            influxdb:
              url: %s
              api: v1
              database: %s
              batch-size: 50
              flush-interval: 200ms
              timeout: 5s
            %s""".formatted(url, database, extra.indent(2)), Map.of());
    }
}
