package dev.medic.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.medic.cli.daemon.DaemonSettings;
import dev.medic.cli.heartbeat.HeartbeatSettings;
import dev.medic.config.ConfigException;
import dev.medic.config.ConfigProblem;
import dev.medic.config.ConfigProblems;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.MedicConfigReader;
import dev.medic.influxdb.InfluxConfig;
import dev.medic.influxdb.InfluxSink;
import dev.medic.store.sqlite.SqliteStore;

/**
 * What every command starts from: the configuration, found and validated, and the ways to open
 * the history store and the metrics sinks.
 */
public final class Session {

    /** Top-level configuration sections that modules other than the engine read. */
    static final List<String> SECTIONS = List.of("influxdb", DaemonSettings.KEY, HeartbeatSettings.KEY);

    private static final System.Logger LOG = System.getLogger(Session.class.getName());

    private final MedicConfig config;
    private final Optional<InfluxConfig> influx;
    private final DaemonSettings daemon;
    private final Optional<HeartbeatSettings> heartbeat;

    private Session(MedicConfig config, Optional<InfluxConfig> influx, DaemonSettings daemon,
            Optional<HeartbeatSettings> heartbeat) {
        this.config = config;
        this.influx = influx;
        this.daemon = daemon;
        this.heartbeat = heartbeat;
    }

    /**
     * Reads the configuration.
     *
     * @throws ConfigException with every problem when the file is missing or wrong
     */
    public static Session open(Optional<Path> named, ConfigLocator locator) {
        Optional<Path> file = locator.locate(named);
        if (file.isEmpty()) {
            return new Session(MedicConfig.inDirectory(locator.defaultStateDir()), Optional.empty(),
                DaemonSettings.read(emptyRoot()), Optional.empty());
        }
        Path path = file.get();
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(List.of(new ConfigProblem(path.toString(), 0, 0, "",
                "the configuration file does not exist")));
        }
        ConfigProblems problems = new ConfigProblems();
        MedicConfigReader.Loaded loaded = new MedicConfigReader(SECTIONS)
            .read(path, path.toString(), locator.defaultStateDir(), problems);
        // Read here, with the engine's part, so that one pass reports every problem of the file.
        Optional<InfluxConfig> influx = InfluxConfig.read(loaded.root(), loaded.config());
        DaemonSettings daemon = DaemonSettings.read(loaded.root());
        Optional<HeartbeatSettings> heartbeat = HeartbeatSettings.read(loaded.root(),
            path.toAbsolutePath().getParent(), System.getenv());
        problems.throwIfAny();
        return new Session(loaded.config(), influx, daemon, heartbeat);
    }

    /** The configuration. */
    public MedicConfig config() {
        return config;
    }

    /** Opens the history store this configuration names. */
    public SqliteStore openStore() {
        return SqliteStore.open(config.storePath());
    }

    /** The {@code daemon:} section, with its defaults. */
    public DaemonSettings daemonSettings() {
        return daemon;
    }

    /** The {@code heartbeat:} section, when the configuration has one. */
    public Optional<HeartbeatSettings> heartbeatSettings() {
        return heartbeat;
    }

    private static dev.medic.config.ConfigMap emptyRoot() {
        return dev.medic.config.YamlFiles.parse("", "built-in defaults", new ConfigProblems()).asMap();
    }

    /** The {@code influxdb:} section, when the configuration has one. */
    public Optional<InfluxConfig> influxConfig() {
        return influx;
    }

    /**
     * Opens the metrics sink the configuration names, if any. A sink that cannot be opened (its
     * spool directory cannot be written) is logged and left out: metrics never stop healing.
     */
    public Optional<InfluxSink> openSinks() {
        if (influx.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InfluxSink.open(influx.get(), config));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot open the InfluxDB spool " + influx.get().spoolDirectory() + " ("
                + influx.get().mask(String.valueOf(e)) + "); this run's metrics are not recorded, healing goes on");
            return Optional.empty();
        }
    }
}
