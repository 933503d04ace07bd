package dev.medic.engine.internal.loading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.medic.api.Settings;
import dev.medic.config.ConfigMap;
import dev.medic.config.ConfigException;
import dev.medic.config.ConfigNode;
import dev.medic.config.ConfigProblems;
import dev.medic.config.YamlFiles;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.MedicConfigReader;

/**
 * What a package says about itself in {@code medic-package.yml}: its settings with types and
 * defaults, default options for all its checks, and options per check.
 *
 * <p>A setting is declared either by its default value alone ({@code port: 18080}, the type is
 * inferred) or in full ({@code port: {type: integer, default: 18080, description: ...}}).
 *
 * @param settings the declared settings, in file order; empty when the package declares none
 * @param defaults options for every check of the package
 * @param checks   options per check name
 */
public record PackageDescriptor(Map<String, SettingSpec> settings, CheckOptions defaults,
        Map<String, CheckOptions> checks) {

    /** Where the descriptor lives inside a package. */
    public static final String FILE = "medic-package.yml";

    private static final List<String> SPEC_KEYS = List.of("type", "default", "required", "description");

    /** The descriptor of a package without {@code medic-package.yml}. */
    public static PackageDescriptor none() {
        return new PackageDescriptor(Map.of(), CheckOptions.inherit(), Map.of());
    }

    /**
     * Reads the descriptor from a package's own class path roots (a jar, or a directory of
     * classes), never from the runner's class path.
     *
     * @throws ConfigException when the descriptor is not valid, naming the file and line
     */
    public static PackageDescriptor read(List<Path> roots, String displayName) throws IOException {
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                Path file = root.resolve(FILE);
                if (Files.isRegularFile(file)) {
                    return parseOrThrow(Files.readString(file, StandardCharsets.UTF_8), displayName + "/" + FILE);
                }
            } else if (Files.isRegularFile(root)) {
                try (ZipFile zip = new ZipFile(root.toFile())) {
                    ZipEntry entry = zip.getEntry(FILE);
                    if (entry != null) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            return parseOrThrow(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                                displayName + "!/" + FILE);
                        }
                    }
                }
            }
        }
        return none();
    }

    private static PackageDescriptor parseOrThrow(String yaml, String displayName) {
        ConfigProblems problems = new ConfigProblems();
        PackageDescriptor descriptor = parse(yaml, displayName, problems);
        problems.throwIfAny();
        return descriptor;
    }

    /** Parses a descriptor; problems name the file and line. */
    public static PackageDescriptor parse(String yaml, String displayName, ConfigProblems problems) {
        ConfigMap root = YamlFiles.parse(yaml, displayName, problems).asMap(List.of("settings", "defaults", "checks"));
        Map<String, SettingSpec> settings = new LinkedHashMap<>();
        root.map("settings").entries().forEach((name, node) -> settings.put(name, spec(name, node)));
        CheckOptions defaults = MedicConfigReader.options(root.map("defaults", MedicConfigReader.OPTION_KEYS));
        Map<String, CheckOptions> checks = new LinkedHashMap<>();
        root.map("checks").entries().forEach((name, node) ->
            checks.put(name, MedicConfigReader.options(node.asMap(MedicConfigReader.OPTION_KEYS))));
        return new PackageDescriptor(settings, defaults, checks);
    }

    private static SettingSpec spec(String name, ConfigNode node) {
        if (node.isMapping() && node.asMap().has("type")) {
            ConfigMap map = node.asMap(SPEC_KEYS);
            SettingType type = map.choice("type", SettingType.class).orElse(SettingType.STRING);
            Optional<Object> defaultValue = map.get("default").map(ConfigNode::toPlain);
            defaultValue.flatMap(value -> type.problemWith(name, value)).ifPresent(problem -> map.report("default", problem));
            return new SettingSpec(name, type, defaultValue, map.bool("required").orElse(false),
                map.string("description").orElse(""));
        }
        Object value = node.toPlain();
        if (value == null) {
            return new SettingSpec(name, SettingType.STRING, Optional.empty(), false, "");
        }
        return new SettingSpec(name, SettingType.inferredFrom(value), Optional.of(value), false, "");
    }

    /** The declared default values. */
    public Settings defaultSettings() {
        Map<String, Object> values = new LinkedHashMap<>();
        settings.forEach((name, spec) -> spec.defaultValue().ifPresent(value -> values.put(name, value)));
        return Settings.of(values);
    }

    /**
     * Checks the settings a user configured against the declarations: unknown keys, wrong types,
     * and required settings without a value. Packages that declare no settings accept any.
     *
     * @return the problems, each naming the key and what is allowed
     */
    public List<String> problemsWith(Map<String, Object> configured) {
        List<String> problems = new ArrayList<>();
        if (settings.isEmpty()) {
            return problems;
        }
        configured.forEach((key, value) -> {
            SettingSpec spec = settings.get(key);
            if (spec == null) {
                problems.add("unknown setting '" + key + "'; this package's settings are: "
                    + String.join(", ", settings.keySet()));
            } else if (value != null) {
                spec.type().problemWith(key, value).ifPresent(problem -> problems.add("setting '" + key + "': " + problem));
            }
        });
        settings.values().stream()
            .filter(spec -> spec.required() && spec.defaultValue().isEmpty() && configured.get(spec.name()) == null)
            .forEach(spec -> problems.add("setting '" + spec.name() + "' is required (" + spec.type().describe()
                + ")" + (spec.description().isEmpty() ? "" : ": " + spec.description())));
        return problems;
    }

    /** The package's own options for one check (full name, then method name); nothing inherited. */
    public CheckOptions checkOptions(String name, String methodName) {
        return Optional.ofNullable(checks.get(name)).or(() -> Optional.ofNullable(checks.get(methodName)))
            .orElse(CheckOptions.inherit());
    }
}
