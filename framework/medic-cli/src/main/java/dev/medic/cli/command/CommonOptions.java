package dev.medic.cli.command;

import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Option;

/** Options every command that reads the configuration takes. */
public final class CommonOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
        description = "Configuration file. Default: $MEDIC_CONFIG, ./medic.yml, ~/.config/medic/medic.yml, /etc/medic/medic.yml.")
    Path config;

    @Option(names = {"-v", "--verbose"}, description = "Log more to standard error; -vv for debugging.")
    boolean[] verbose = new boolean[0];

    Optional<Path> config() {
        return Optional.ofNullable(config);
    }

    int verbosity() {
        return verbose.length;
    }
}
