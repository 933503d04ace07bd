package dev.medic.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.medic.config.ConfigPaths;

/**
 * Finds the configuration file and the default state directory, in the order docs/configuration.md
 * documents: {@code --config}, {@code $MEDIC_CONFIG}, {@code ./medic.yml}, the per-user file
 * ({@code $XDG_CONFIG_HOME/medic/medic.yml}, else {@code ~/.config/medic/medic.yml}), then
 * {@code /etc/medic/medic.yml}. Without any, Medic runs on built-in defaults.
 */
public final class ConfigLocator {

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path home;

    public ConfigLocator(Map<String, String> environment, Path workingDirectory, Path home) {
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        this.home = home;
    }

    /** The locator for this process; {@code $HOME} wins over Java's {@code user.home}, as in other Unix tools. */
    public static ConfigLocator forThisProcess() {
        return new ConfigLocator(System.getenv(), Path.of("").toAbsolutePath(), ConfigPaths.home());
    }

    /** The places searched when no file is named, in order. */
    public List<Path> searchOrder() {
        List<Path> order = new ArrayList<>();
        order.add(workingDirectory.resolve("medic.yml"));
        String xdg = environment.get("XDG_CONFIG_HOME");
        order.add((xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("medic/medic.yml"));
        order.add(Path.of("/etc/medic/medic.yml"));
        return order;
    }

    /**
     * The file to read: the one named on the command line or in {@code $MEDIC_CONFIG} (which
     * must exist), else the first of {@link #searchOrder()} that exists.
     */
    public Optional<Path> locate(Optional<Path> named) {
        Optional<Path> explicit = named.or(() -> Optional.ofNullable(environment.get("MEDIC_CONFIG"))
            .filter(value -> !value.isBlank()).map(Path::of));
        if (explicit.isPresent()) {
            return explicit;
        }
        return searchOrder().stream().filter(Files::isRegularFile).findFirst();
    }

    /** Where state lives when the configuration does not say: {@code $XDG_STATE_HOME/medic}, else {@code ~/.local/state/medic}. */
    public Path defaultStateDir() {
        String xdg = environment.get("XDG_STATE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/state")).resolve("medic");
    }
}
