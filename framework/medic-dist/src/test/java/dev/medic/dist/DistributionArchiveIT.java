package dev.medic.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as an operator gets it: the tar.gz unpacked by {@code tar} into a temporary
 * directory, and its own {@code bin/medic} started as a real process.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "unpacks with tar and starts the sh launcher")
class DistributionArchiveIT {

    private static final String VERSION = System.getProperty("medic.dist.version");
    private static final String NAME = "medic-" + VERSION;

    @TempDir
    static Path unpacked;

    private static Path home;

    @TempDir
    Path work;

    @BeforeAll
    static void unpackTheTarball() throws Exception {
        Path tarball = archives().resolve(NAME + ".tar.gz");
        assertThat(tarball).as("built by mvn package").isRegularFile();
        Result tar = run(unpacked, Map.of(), "tar", "-xzf", tarball.toString(), "-C", unpacked.toString());
        assertThat(tar.exitCode()).as(tar.err()).isZero();
        home = unpacked.resolve(NAME);
    }

    @AfterEach
    void stopTheDemoService() throws IOException {
        Path pidFile = work.resolve("state/package-data/demo-service/demo-service.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(service -> {
                service.destroy();
                service.onExit().join();
            });
        }
    }

    @Test
    void everythingSitsUnderOneVersionedDirectory() throws IOException {
        try (Stream<Path> top = Files.list(unpacked)) {
            assertThat(top.map(path -> path.getFileName().toString())).containsExactly(NAME);
        }
    }

    @Test
    void theLayoutHasTheLaunchersLibrariesConfigurationUnitsAndExamples() throws IOException {
        assertThat(home.resolve("bin/medic")).isRegularFile().isExecutable();
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/medic")))
            .contains(PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.GROUP_EXECUTE);
        assertThat(home.resolve("lib/medic-cli-" + VERSION + ".jar")).isRegularFile();
        assertThat(home.resolve("lib")).isDirectoryContaining("glob:**/medic-engine-*.jar")
            .isDirectoryContaining("glob:**/junit-platform-launcher-*.jar")
            .isDirectoryContaining("glob:**/sqlite-jdbc-*.jar")
            .isDirectoryContaining("glob:**/picocli-*.jar");
        for (String file : List.of("README.txt", "bin/medic.bat", "conf/medic.yml", "systemd/medic.service",
            "systemd/medic-run.service", "systemd/medic-run.timer", "examples/cron", "examples/windows-task.xml")) {
            assertThat(home.resolve(file)).as(file).isRegularFile().isNotEmptyFile();
        }
    }

    @Test
    void windowsFilesHaveWindowsLineEndingsAndTheRestUnixOnes() throws IOException {
        for (String windows : List.of("bin/medic.bat", "examples/windows-task.xml")) {
            String text = Files.readString(home.resolve(windows));
            assertThat(text).as(windows).contains("\r\n");
            assertThat(text.replace("\r\n", "")).as(windows).doesNotContain("\n");
        }
        assertThat(Files.readString(home.resolve("bin/medic"))).doesNotContain("\r");
        assertThat(Files.readString(home.resolve("systemd/medic.service"))).doesNotContain("\r");
    }

    @Test
    void theZipHoldsTheSameFilesAsTheTarball() throws IOException {
        Set<String> unpackedFiles;
        try (Stream<Path> files = Files.walk(unpacked)) {
            unpackedFiles = files.filter(Files::isRegularFile).map(file -> unpacked.relativize(file).toString())
                .collect(Collectors.toCollection(TreeSet::new));
        }
        try (ZipFile zip = new ZipFile(archives().resolve(NAME + ".zip").toFile())) {
            Set<String> zipped = zip.stream().filter(entry -> !entry.isDirectory()).map(entry -> entry.getName())
                .collect(Collectors.toCollection(TreeSet::new));
            assertThat(zipped).isEqualTo(unpackedFiles);
        }
    }

    @Test
    void noTextFileNamesTheMachineThatBuiltIt() throws IOException {
        String sourceRoot = Path.of(System.getProperty("medic.dist.source-root")).toRealPath().toString();
        List<Path> texts;
        try (Stream<Path> files = Files.walk(home)) {
            texts = files.filter(Files::isRegularFile)
                .filter(file -> !file.startsWith(home.resolve("lib")) && !file.startsWith(home.resolve("packages")))
                .toList();
        }
        assertThat(texts).hasSizeGreaterThanOrEqualTo(9);
        for (Path text : texts) {
            assertThat(Files.readString(text)).as(text.toString())
                .doesNotContain(sourceRoot).doesNotContain("${project.").doesNotContain("${basedir");
        }
    }

    @Test
    void versionNamesThisVersion() throws Exception {
        Result version = medic("--version");

        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("medic " + VERSION);
    }

    @Test
    void theDefaultConfigurationIsForAServerAndValid() throws Exception {
        String shipped = Files.readString(home.resolve("conf/medic.yml"));
        assertThat(shipped).contains("state-dir: /var/lib/medic").contains("packages-dir: /var/lib/medic/packages");
        Path config = work.resolve("medic.yml");
        Files.writeString(config, shipped.replace("/var/lib/medic", work.resolve("state").toString()));

        Result validate = medic("validate", "--config", config.toString());

        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.out()).startsWith("valid: ");
    }

    @Test
    void theShippedPackagesLoadWithThisRunner() throws Exception {
        Path packages = home.resolve("packages");
        List<String> archives = Files.isDirectory(packages) ? list(packages) : List.of();
        assumeTrue(!archives.isEmpty(), "no built-in package was built before the distribution");
        Path config = work.resolve("medic.yml");
        Files.writeString(config, "state-dir: state\npackages-dir: " + packages + "\n");

        Result validate = medic("validate", "--config", config.toString());

        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.out()).contains(archives.size() + " packages");
    }

    @Test
    void itsOwnLauncherRepairsTheDemoServiceThenFindsItHealthy() throws Exception {
        Path demoPackages = Path.of(System.getProperty("medic.demo.packages"));
        List<String> demo = list(demoPackages).stream().filter(name -> name.startsWith("demo-service-")).toList();
        assertThat(demo).as("the demo package, built by the reactor before this module").isNotEmpty();
        Path packages = Files.createDirectories(work.resolve("packages"));
        Files.copy(demoPackages.resolve(demo.get(0)), packages.resolve(demo.get(0)));
        Path config = work.resolve("medic.yml");
        Files.writeString(config, """
            environment: dist-test
            state-dir: state
            packages-dir: packages
            packages:
              demo-service:
                settings:
                  port: %d
            """.formatted(freePort()));

        Result first = medic("run", "--config", config.toString());

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("REPAIRED   demo-service/DemoServiceChecks.answersOnItsPort")
            .contains("repair StartDemoService for DemoServiceChecks.answersOnItsPort: SUCCEEDED");

        Result second = medic("run", "--config", config.toString());

        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("HEALTHY    demo-service/DemoServiceChecks.answersOnItsPort")
            .doesNotContain("REPAIRED");
        assertThat(work.resolve("cache")).as("the start-up cache, recorded on the first run")
            .isDirectoryContaining("glob:**/medic-*.jsa");
    }

    /** Runs the unpacked bin/medic with this JVM's Java, and a start-up cache in the test's directory. */
    private Result medic(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/medic").toString());
        command.addAll(List.of(arguments));
        return run(work, Map.of("JAVA_HOME", System.getProperty("java.home"),
            "MEDIC_CACHE_DIR", work.resolve("cache").toString()), command.toArray(String[]::new));
    }

    private static Result run(Path directory, Map<String, String> environment, String... command) throws Exception {
        Path out = Files.createTempFile("medic-dist-out", ".txt");
        Path err = Files.createTempFile("medic-dist-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        for (String variable : List.of("MEDIC_CONFIG", "MEDIC_CDS", "MEDIC_JAVA_OPTS", "JAVA_TOOL_OPTIONS")) {
            builder.environment().remove(variable);
        }
        builder.environment().putAll(environment);
        // Output goes to files: a service that a repair starts keeps the streams it inherited open.
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 2 minutes");
        }
        try {
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private static Path archives() {
        return Path.of(System.getProperty("medic.dist.archives"));
    }

    private static List<String> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                .filter(name -> name.endsWith(".jar") || name.endsWith(".zip")).sorted().toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record Result(int exitCode, String out, String err) {
    }
}
