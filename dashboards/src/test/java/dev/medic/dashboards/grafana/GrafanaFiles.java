package dev.medic.dashboards.grafana;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.medic.influxdb.testing.MiniJson;

/**
 * The files under {@code dashboards/grafana/}, read strictly: JSON must be JSON (no comments, no
 * trailing commas) and no file may repeat a key, which Grafana would silently resolve by taking
 * the last one.
 */
public final class GrafanaFiles {

    private final Path root;

    private GrafanaFiles(Path root) {
        this.root = root;
    }

    /** The directory the build points the tests at ({@code medic.grafana.dir}). */
    public static GrafanaFiles fromBuild() {
        return new GrafanaFiles(Path.of(System.getProperty("medic.grafana.dir", "grafana")));
    }

    public Path root() {
        return root;
    }

    public Path dashboardsDir() {
        return root.resolve("dashboards");
    }

    public Path provisioning() {
        return root.resolve("provisioning");
    }

    public Path contactPoints() {
        return root.resolve("contact-points");
    }

    /** Every dashboard, sorted by file name. */
    public List<Dashboard> dashboards() {
        return list(dashboardsDir(), ".json").stream().map(file -> new Dashboard(file, asMap(json(file), file))).toList();
    }

    /** The files in a directory with the given ending, sorted. */
    public static List<Path> list(Path dir, String ending) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(ending)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON file: strict syntax, and no key twice in one object. */
    public static Object json(Path file) {
        String text = read(file);
        Object parsed = MiniJson.parse(text);
        // JSON is (nearly) YAML: SnakeYAML, told to refuse duplicate keys, finds what MiniJson would overwrite.
        yaml(text, file);
        return parsed;
    }

    /** A YAML file as plain maps and lists, refusing duplicate keys, custom tags and anchors' merge keys. */
    public static Map<String, Object> yaml(Path file) {
        return asMap(yaml(read(file), file), file);
    }

    private static Object yaml(String text, Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object parsed, Path file) {
        if (!(parsed instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(file + " does not hold an object at its top");
        }
        return (Map<String, Object>) parsed;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
