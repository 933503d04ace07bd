package dev.medic.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.medic.api.internal.Durations;
import dev.medic.config.ConfigMap;
import dev.medic.config.ConfigPaths;
import dev.medic.config.ConfigNode;
import dev.medic.config.ConfigProblems;
import dev.medic.config.YamlFiles;
import dev.medic.engine.schedule.Schedule;

/**
 * Reads {@code medic.yml} into a {@link MedicConfig}, reporting every unknown key and wrong value
 * with its file, line and the keys or values allowed.
 *
 * <p>Other modules own other top-level sections (such as {@code influxdb}); the reader is told
 * their keys so that it accepts them, and hands their nodes back in {@link Loaded#root()}.
 */
public final class MedicConfigReader {

    /** The top-level keys the engine itself reads. */
    public static final List<String> CORE_KEYS =
        List.of("host", "environment", "state-dir", "packages-dir", "store", "defaults", "maintenance", "packages");

    /** The keys of the options every level (defaults, package, check) can set. */
    public static final List<String> OPTION_KEYS = Option.keys();
    private static final List<String> PACKAGE_KEYS = concat(OPTION_KEYS, List.of("settings", "maintenance", "checks"));
    private static final List<String> CHECK_KEYS = concat(OPTION_KEYS, List.of("settings", "maintenance"));
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");

    private final List<String> rootKeys;

    /**
     * @param sectionKeys the top-level keys that other modules read
     */
    public MedicConfigReader(List<String> sectionKeys) {
        this.rootKeys = concat(CORE_KEYS, sectionKeys);
    }

    /**
     * A configuration read from a file.
     *
     * @param config the engine's part
     * @param root   the whole file, for the sections other modules read
     */
    public record Loaded(MedicConfig config, ConfigMap root) {
    }

    /**
     * Reads a file; problems go to the collector and the returned configuration falls back to
     * defaults where values were wrong. Call {@link ConfigProblems#throwIfAny()} before using it.
     *
     * @param file        the file
     * @param displayName how the user named it, for messages
     * @param defaultStateDir the state directory when the file sets none
     */
    public Loaded read(Path file, String displayName, Path defaultStateDir, ConfigProblems problems) {
        ConfigNode node = YamlFiles.load(file, displayName, problems);
        return read(node, Optional.of(file), defaultStateDir);
    }

    /** Reads an already parsed document, resolving relative paths against the file's directory. */
    public Loaded read(ConfigNode node, Optional<Path> file, Path defaultStateDir) {
        ConfigMap root = node.asMap(rootKeys);
        Path base = file.map(path -> path.toAbsolutePath().getParent()).orElse(Path.of("").toAbsolutePath());

        MedicConfig defaults = MedicConfig.inDirectory(defaultStateDir);
        Path stateDir = root.string("state-dir").map(text -> ConfigPaths.resolve(base, text)).orElse(defaultStateDir);
        Path packagesDir = root.string("packages-dir").map(text -> ConfigPaths.resolve(base, text))
            .orElse(stateDir.resolve("packages"));
        ConfigMap store = root.map("store", List.of("path"));
        Path storePath = store.string("path").map(text -> ConfigPaths.resolve(base, text)).orElse(stateDir.resolve("medic.db"));
        String host = root.string("host").filter(text -> validName(root, "host", text)).orElse(defaults.host());
        String environment = root.string("environment").filter(text -> validName(root, "environment", text))
            .orElse(MedicConfig.DEFAULT_ENVIRONMENT);
        CheckOptions globalOptions = options(root.map("defaults", OPTION_KEYS));

        Map<String, PackageConfig> packages = new LinkedHashMap<>();
        root.map("packages").entries().forEach((id, value) -> {
            if (!NAME.matcher(id).matches()) {
                value.report("package id '" + id + "' is not allowed; use letters, digits, '_', '.' or '-'");
            }
            packages.put(id, packageConfig(value));
        });

        MedicConfig config = new MedicConfig(file, host, environment, stateDir, packagesDir, storePath,
            globalOptions, packages, MaintenanceWindows.read(root));
        return new Loaded(config, root);
    }

    private static PackageConfig packageConfig(ConfigNode node) {
        ConfigMap map = node.asMap(PACKAGE_KEYS);
        Map<String, CheckConfig> checks = new LinkedHashMap<>();
        map.map("checks").entries().forEach((name, value) -> {
            ConfigMap check = value.asMap(CHECK_KEYS);
            checks.put(name, new CheckConfig(options(check), settings(check), value.keyLine(), MaintenanceWindows.read(check)));
        });
        return new PackageConfig(options(map), settings(map), checks, node.keyLine(), MaintenanceWindows.read(map));
    }

    /** Reads the option keys of a mapping; other keys are the caller's business. */
    public static CheckOptions options(ConfigMap map) {
        CheckOptions options = CheckOptions.inherit();
        for (Option<?> option : Option.ALL) {
            options = read(map, option, options);
        }
        return options;
    }

    @SuppressWarnings("unchecked")
    private static <T> CheckOptions read(ConfigMap map, Option<T> option, CheckOptions options) {
        Optional<?> value = switch (option.kind()) {
            case BOOLEAN -> map.bool(option.key());
            case DURATION -> duration(map, option.key());
            case DURATION_OR_ZERO -> map.parsed(option.key(), text -> Durations.parse(text).filter(d -> !d.isNegative()),
                Durations.ALLOWED + ", zero or more");
            case COUNT -> map.integer(option.key(), option.min(), option.max());
            case CHECKS -> map.get(option.key()).map(node -> map.strings(option.key()));
            case SCHEDULE -> map.parsed(option.key(), Schedule::parse, Schedule.ALLOWED);
        };
        return options.with(option, (Optional<T>) value);
    }

    private static Optional<Duration> duration(ConfigMap map, String key) {
        return map.parsed(key, text -> Durations.parse(text).filter(value -> !value.isZero() && !value.isNegative()),
            Durations.ALLOWED + ", greater than zero");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settings(ConfigMap map) {
        return map.get("settings")
            .map(value -> value.isMapping() ? (Map<String, Object>) value.toPlain() : reportNotMapping(value))
            .orElse(Map.of());
    }

    private static Map<String, Object> reportNotMapping(ConfigNode value) {
        value.report("expected a mapping of setting names to values, found " + value.describe());
        return Map.of();
    }

    private static boolean validName(ConfigMap map, String key, String text) {
        if (NAME.matcher(text).matches()) {
            return true;
        }
        map.report(key, "value '" + text + "' is not allowed; use 1 to 128 letters, digits, '_', '.' or '-'");
        return false;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
