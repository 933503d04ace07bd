package dev.medic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A package made by {@code medic package new}, tried as a new user would: its sources compile,
 * its own tests pass, and once installed its check fails, is repaired and passes. (The Maven
 * build of the generated pom is tried by hand in docs/packages.md; a nested Maven build cannot
 * resolve Medic's artifacts while Medic's own reactor is still building them.)
 */
class ScaffoldTest {

    @TempDir
    Path dir;

    @Test
    void aScaffoldedPackageBuildsPassesItsTestsInstallsAndIsRepairedUnderRun() throws Exception {
        Cli.Result created = Cli.run("package", "new", "disk-space", "--group", "com.acme.ops",
            "--directory", dir.resolve("disk-space").toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        Path project = dir.resolve("disk-space");
        assertThat(project.resolve("pom.xml")).content().contains("<Plugin-Id>disk-space</Plugin-Id>")
            .contains("<artifactId>medic-bom</artifactId>").contains("<version>0.1.0</version>");

        Path classes = compile(project.resolve("src/main/java"), dir.resolve("classes"), List.of());
        copy(project.resolve("src/main/resources"), classes);
        Path testClasses = compile(project.resolve("src/test/java"), dir.resolve("test-classes"), List.of(classes));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), testClasses.toUri().toURL()},
                getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            var tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(loader.loadClass("com.acme.ops.diskspace.CreateDiskSpaceMarkerTest")))
                .execute().testEvents();
            assertThat(tests.succeeded().count()).as("the generated tests that pass").isEqualTo(3);
            assertThat(tests.failed().count()).isZero();
        } finally {
            Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        }

        Path jar = jar(classes, dir.resolve("disk-space-0.1.0.jar"));
        Path marker = dir.resolve("marker");
        Path config = dir.resolve("medic.yml");
        Files.writeString(config, """
            state-dir: state
            packages-dir: packages
            packages:
              disk-space:
                settings:
                  marker-file: %s
            """.formatted(marker));

        assertThat(Cli.run("package", "install", jar.toString(), "--config", config.toString()).exitCode()).isZero();
        assertThat(Cli.run("list", "--config", config.toString()).out())
            .contains("check  DiskSpaceChecks.markerFileExists  repair CreateDiskSpaceMarker")
            .contains("stats  DiskSpaceChecks.markerFileAge");
        Cli.Result first = Cli.run("run", "--config", config.toString());
        Cli.Result second = Cli.run("run", "--config", config.toString());

        assertThat(first.out()).contains("REPAIRED   disk-space/DiskSpaceChecks.markerFileExists");
        assertThat(second.out()).contains("HEALTHY    disk-space/DiskSpaceChecks.markerFileExists");
        assertThat(marker).exists();
    }

    @Test
    void aNameThatIsNotAPackageIdIsRefused() {
        Cli.Result created = Cli.run("package", "new", "Disk Space", "--directory", dir.resolve("x").toString());

        assertThat(created.exitCode()).isEqualTo(2);
        assertThat(created.err()).contains("package name 'Disk Space' is not allowed");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    private static Path compile(Path sources, Path output, List<Path> extra) throws IOException {
        Files.createDirectories(output);
        List<String> arguments = new ArrayList<>(List.of("-d", output.toString(), "-parameters", "-proc:none",
            "--release", "17", "-classpath", classpath(extra)));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
        }
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new));
        assertThat(status).as("javac " + sources).isZero();
        return output;
    }

    private static String classpath(List<Path> extra) {
        StringBuilder classpath = new StringBuilder(System.getProperty("java.class.path"));
        extra.forEach(path -> classpath.append(File.pathSeparator).append(path));
        return classpath.toString();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    /** The jar Maven's jar plugin makes from the generated pom's manifest entries. */
    private static Path jar(Path classes, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", "disk-space");
        attributes.putValue("Plugin-Version", "0.1.0");
        attributes.putValue("Plugin-Requires", ">=0.1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }
}
