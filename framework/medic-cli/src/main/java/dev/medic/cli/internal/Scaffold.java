package dev.medic.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a new package project: a Maven build, one check with its repair, one stats method, the
 * settings declaration, and tests of the repair with medic-test.
 */
public final class Scaffold {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    private Scaffold() {
    }

    /** Why a package name is not allowed, or null when it is. */
    public static String nameProblem(String name) {
        return NAME.matcher(name).matches() ? null : "package name '" + name
            + "' is not allowed; use lower-case letters, digits and dashes, starting with a letter (disk-space, web-frontend)";
    }

    /** Why a Maven group id is not allowed, or null when it is. */
    public static String groupProblem(String group) {
        return GROUP.matcher(group).matches() ? null : "group '" + group
            + "' is not allowed; use a reversed domain name in lower case (com.example.ops)";
    }

    /**
     * Writes the project into a directory that must not exist yet.
     *
     * @return the files written, relative to the directory
     */
    public static List<Path> write(Path directory, String name, String group, String medicVersion) throws IOException {
        String className = className(name);
        String javaPackage = group + "." + name.replace("-", "");
        Map<String, String> values = Map.of("@NAME@", name, "@GROUP@", group, "@PACKAGE@", javaPackage,
            "@CLASS@", className, "@METRIC@", name.replace('-', '_'), "@MEDIC_VERSION@", medicVersion);
        String sources = javaPackage.replace('.', '/');
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", "pom.xml.txt");
        files.put("README.md", "README.md.txt");
        files.put(".gitignore", "gitignore.txt");
        files.put("src/main/resources/medic-package.yml", "medic-package.yml.txt");
        files.put("src/main/java/" + sources + "/" + className + "Checks.java", "Checks.java.txt");
        files.put("src/main/java/" + sources + "/Create" + className + "Marker.java", "Repair.java.txt");
        files.put("src/test/java/" + sources + "/Create" + className + "MarkerTest.java", "RepairTest.java.txt");
        files.put("mvnw", "wrapper/mvnw");
        files.put("mvnw.cmd", "wrapper/mvnw.cmd");
        files.put(".mvn/wrapper/maven-wrapper.properties", "wrapper/.mvn/wrapper/maven-wrapper.properties");

        Path root = directory.toAbsolutePath();
        Files.createDirectories(root.getParent());
        Files.createDirectory(root);
        for (Map.Entry<String, String> file : files.entrySet()) {
            String text = template(file.getValue());
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace(value.getKey(), value.getValue());
            }
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
        }
        root.resolve("mvnw").toFile().setExecutable(true, false);
        return files.keySet().stream().map(Path::of).toList();
    }

    /** {@code disk-space} becomes {@code DiskSpace}. */
    static String className(String name) {
        StringBuilder text = new StringBuilder();
        for (String part : name.split("-")) {
            text.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return text.toString();
    }

    private static String template(String resource) throws IOException {
        try (InputStream in = Scaffold.class.getResourceAsStream("/dev/medic/cli/scaffold/" + resource)) {
            if (in == null) {
                throw new IOException("the scaffold template " + resource + " is missing from this Medic build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
