package dev.medic.engine.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real package archives for tests: compiles Java sources with the JDK's compiler against
 * the test class path and writes a PF4J plugin jar (manifest descriptor) or zip (classes/, lib/,
 * plugin.properties). The classes exist only in the archive, as in a real installation.
 */
public final class PackageJar {

    private final String id;
    private String version = "1.0.0";
    private String requires = "";
    private String dependencies = "";
    private String description = "";
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final List<Path> libraries = new ArrayList<>();
    private final List<Path> compileClasspath = new ArrayList<>();

    private PackageJar(String id) {
        this.id = id;
    }

    /** A package with an id, version 1.0.0. */
    public static PackageJar named(String id) {
        return new PackageJar(id);
    }

    public PackageJar version(String value) {
        this.version = value;
        return this;
    }

    public PackageJar requires(String value) {
        this.requires = value;
        return this;
    }

    public PackageJar dependsOn(String value) {
        this.dependencies = value;
        return this;
    }

    public PackageJar description(String value) {
        this.description = value;
        return this;
    }

    /** A Java source file; the class name is fully qualified. */
    public PackageJar source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** A resource inside the package, such as {@code medic-package.yml}. */
    public PackageJar resource(String path, String content) {
        resources.put(path, content);
        return this;
    }

    /** A library jar: on the compile class path, and in {@code lib/} of a zip package. */
    public PackageJar library(Path jar) {
        libraries.add(jar);
        compileClasspath.add(jar);
        return this;
    }

    /** Compiles and writes a jar package into a directory; returns its path. */
    public Path writeJar(Path directory) throws IOException {
        Path classes = compile();
        Path jar = directory.resolve(id + "-" + version + ".jar");
        Files.createDirectories(directory);
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", id);
        attributes.putValue("Plugin-Version", version);
        if (!requires.isEmpty()) {
            attributes.putValue("Plugin-Requires", requires);
        }
        if (!dependencies.isEmpty()) {
            attributes.putValue("Plugin-Dependencies", dependencies);
        }
        if (!description.isEmpty()) {
            attributes.putValue("Plugin-Description", description);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            addTree(out, classes, "");
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                add(out, resource.getKey(), resource.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    /** Compiles and writes a zip package (classes/, lib/, plugin.properties); returns its path. */
    public Path writeZip(Path directory) throws IOException {
        Path classes = compile();
        Path zip = directory.resolve(id + "-" + version + ".zip");
        Files.createDirectories(directory);
        StringBuilder properties = new StringBuilder()
            .append("plugin.id=").append(id).append('\n')
            .append("plugin.version=").append(version).append('\n');
        if (!requires.isEmpty()) {
            properties.append("plugin.requires=").append(requires).append('\n');
        }
        if (!dependencies.isEmpty()) {
            properties.append("plugin.dependencies=").append(dependencies).append('\n');
        }
        if (!description.isEmpty()) {
            properties.append("plugin.description=").append(description).append('\n');
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            add(out, "plugin.properties", properties.toString().getBytes(StandardCharsets.UTF_8));
            addTree(out, classes, "classes/");
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                add(out, "classes/" + resource.getKey(), resource.getValue().getBytes(StandardCharsets.UTF_8));
            }
            for (Path library : libraries) {
                add(out, "lib/" + library.getFileName(), Files.readAllBytes(library));
            }
        }
        return zip;
    }

    private Path compile() throws IOException {
        Path work = Files.createTempDirectory("medic-package-" + id);
        Path src = work.resolve("src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        if (files.isEmpty()) {
            return classes;
        }
        StringBuilder classpath = new StringBuilder(System.getProperty("java.class.path"));
        compileClasspath.forEach(path -> classpath.append(java.io.File.pathSeparator).append(path));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classpath.toString(),
            "-parameters", "-proc:none", "--release", "17"));
        arguments.addAll(files);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int status = compiler.run(null, null, new java.io.PrintStream(new WriterStream(errors), true),
            arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("package " + id + " does not compile:\n" + errors);
        }
        return classes;
    }

    private static void addTree(ZipOutputStream out, Path root, String prefix) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                add(out, prefix + root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        }
    }

    private static void add(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

    /** Writes a plain library jar with the given compiled sources (no plugin descriptor). */
    public static Path library(Path directory, String name, Map<String, String> librarySources) throws IOException {
        PackageJar builder = new PackageJar(name);
        librarySources.forEach(builder::source);
        Path classes = builder.compile();
        Files.createDirectories(directory);
        Path jar = directory.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            addTree(out, classes, "");
        }
        return jar;
    }

    private static final class WriterStream extends OutputStream {
        private final StringWriter writer;

        WriterStream(StringWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            writer.write(b);
        }
    }
}
