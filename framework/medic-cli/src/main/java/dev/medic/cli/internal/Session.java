package dev.medic.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.medic.config.ConfigException;
import dev.medic.config.ConfigProblem;
import dev.medic.config.ConfigProblems;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.MedicConfigReader;
import dev.medic.store.sqlite.SqliteStore;

/**
 * What every command starts from: the configuration, found and validated, and the ways to open
 * the history store.
 */
public final class Session {

    /** Top-level configuration sections that modules other than the engine read. */
    static final List<String> SECTIONS = List.of();

    private final MedicConfig config;

    private Session(MedicConfig config) {
        this.config = config;
    }

    /**
     * Reads the configuration.
     *
     * @throws ConfigException with every problem when the file is missing or wrong
     */
    public static Session open(Optional<Path> named, ConfigLocator locator) {
        Optional<Path> file = locator.locate(named);
        if (file.isEmpty()) {
            return new Session(MedicConfig.inDirectory(locator.defaultStateDir()));
        }
        Path path = file.get();
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(List.of(new ConfigProblem(path.toString(), 0, 0, "",
                "the configuration file does not exist")));
        }
        ConfigProblems problems = new ConfigProblems();
        MedicConfig config = new MedicConfigReader(SECTIONS).read(path, path.toString(), locator.defaultStateDir(), problems)
            .config();
        problems.throwIfAny();
        return new Session(config);
    }

    /** The configuration. */
    public MedicConfig config() {
        return config;
    }

    /** Opens the history store this configuration names. */
    public SqliteStore openStore() {
        return SqliteStore.open(config.storePath());
    }
}
