package dev.medic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import dev.medic.engine.internal.install.Checksums;
import dev.medic.engine.testing.PackageJar;

/** {@code medic package install/list/info/remove} against a real packages directory. */
class PackageCommandsTest {

    @TempDir
    Path dir;

    private Path config;
    private Path packages;

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("medic.yml");
        packages = dir.resolve("packages");
        Files.writeString(config, "state-dir: state\npackages-dir: packages\n");
    }

    private static PackageJar fine(String version) {
        return PackageJar.named("fine").version(version).source("fine.Checks", """
            package fine;
            class Checks {
                @dev.medic.api.Check
                void passes() {
                }
            }
            """);
    }

    private Cli.Result medic(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        return Cli.run(all);
    }

    /** Every file under the packages directory with its checksum: "exactly as it was" made testable. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.exists(packages)) {
            try (Stream<Path> paths = Files.walk(packages)) {
                for (Path path : paths.toList()) {
                    files.put(packages.relativize(path).toString(), Files.isRegularFile(path) ? Checksums.sha256(path) : "dir");
                }
            }
        }
        return files;
    }

    @Test
    void installedPackageAppearsInListAndRuns() throws IOException {
        Path jar = fine("1.0.0").writeJar(dir.resolve("build"));

        Cli.Result install = Cli.run("package", "install", jar.toString(), "--config", config.toString());

        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(install.out()).contains("installed fine 1.0.0 into " + packages.resolve("fine.jar"))
            .contains("sha256 " + Checksums.sha256(jar));
        assertThat(Cli.run("list", "--config", config.toString()).out()).contains("check  Checks.passes");
        assertThat(Cli.run("run", "--config", config.toString()).out()).contains("HEALTHY    fine/Checks.passes");
        assertThat(Cli.run("package", "list", "--config", config.toString()).out())
            .contains("fine 1.0.0  fine.jar").contains("from " + jar);
    }

    @Test
    void checksumMismatchIsRefusedAndLeavesThePackagesDirectoryExactlyAsItWas() throws IOException {
        Path installedFirst = fine("1.0.0").writeJar(dir.resolve("build"));
        assertThat(Cli.run("package", "install", installedFirst.toString(), "--config", config.toString()).exitCode()).isZero();
        Path tampered = fine("2.0.0").writeJar(dir.resolve("build2"));
        Map<String, String> before = snapshot();

        Cli.Result install = Cli.run("package", "install", tampered.toString(), "--upgrade",
            "--sha256", "a".repeat(64), "--config", config.toString());

        assertThat(install.exitCode()).isEqualTo(2);
        assertThat(install.err()).contains("checksum mismatch for fine-2.0.0.jar: expected " + "a".repeat(64))
            .contains("but the file's SHA-256 is " + Checksums.sha256(tampered)).contains("nothing was installed");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void zipSlipArchiveIsRefusedAndLeavesThePackagesDirectoryExactlyAsItWas() throws IOException {
        Path evil = dir.resolve("evil.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(evil))) {
            zip.putNextEntry(new ZipEntry("plugin.properties"));
            zip.write("plugin.id=evil\nplugin.version=1.0.0\n".getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("classes/../../../escaped.txt"));
            zip.write("owned".getBytes());
            zip.closeEntry();
        }
        Map<String, String> before = snapshot();

        Cli.Result install = Cli.run("package", "install", evil.toString(), "--config", config.toString());

        assertThat(install.exitCode()).isEqualTo(2);
        assertThat(install.err()).contains("evil.zip").contains("'classes/../../../escaped.txt'")
            .contains("path traversal").contains("nothing was installed");
        assertThat(snapshot()).isEqualTo(before);
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(path -> path.getFileName().toString().equals("escaped.txt"))).isEmpty();
        }
    }

    @Test
    void anArchiveThatIsNotAPackageIsRefused() throws IOException {
        Path plain = PackageJar.library(dir.resolve("build"), "plain", Map.of("lib.Thing", "package lib; public class Thing { }"));

        Cli.Result install = Cli.run("package", "install", plain.toString(), "--config", config.toString());

        assertThat(install.exitCode()).isEqualTo(2);
        assertThat(install.err()).contains("plain.jar is not a Medic package").contains("Plugin-Id");
        assertThat(snapshot()).isEmpty();
    }

    @Test
    void replacingAnInstalledPackageNeedsUpgrade() throws IOException {
        Cli.run("package", "install", fine("1.0.0").writeJar(dir.resolve("b1")).toString(), "--config", config.toString());
        Path newer = fine("1.1.0").writeJar(dir.resolve("b2"));

        Cli.Result refused = Cli.run("package", "install", newer.toString(), "--config", config.toString());
        Cli.Result upgraded = Cli.run("package", "install", newer.toString(), "--upgrade", "--config", config.toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("package fine 1.0.0 is already installed (fine.jar); use --upgrade to replace it with 1.1.0");
        assertThat(upgraded.exitCode()).as(upgraded.err()).isZero();
        assertThat(upgraded.out()).contains("upgraded fine from 1.0.0 to 1.1.0");
        assertThat(Cli.run("package", "info", "fine", "--config", config.toString()).out()).contains("fine 1.1.0");
    }

    @Test
    void anUpgradeThatDoesNotLoadCleanlyIsRefusedAndTheOldVersionKeepsRunning() throws IOException {
        Cli.run("package", "install", fine("1.0.0").writeJar(dir.resolve("b1")).toString(), "--config", config.toString());
        Path broken = PackageJar.named("fine").version("2.0.0").source("fine.Checks", """
            package fine;
            import dev.medic.api.*;
            class Checks {
                @Check
                @RepairWith(NoDefaultConstructor.class)
                void passes() {
                }
            }
            """).source("fine.NoDefaultConstructor", """
            package fine;
            import dev.medic.api.*;
            class NoDefaultConstructor implements Repair {
                NoDefaultConstructor(String needed) {
                }
                public RepairResult repair(RepairContext context) {
                    return RepairResult.succeeded("never");
                }
            }
            """).writeJar(dir.resolve("b2"));
        Map<String, String> before = snapshot();

        Cli.Result install = Cli.run("package", "install", broken.toString(), "--upgrade", "--config", config.toString());

        assertThat(install.exitCode()).isEqualTo(2);
        assertThat(install.err()).contains("fine-2.0.0.jar is refused, because it does not load cleanly")
            .contains("needs a constructor without parameters").contains("nothing was installed");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(Cli.run("run", "--config", config.toString()).out()).contains("HEALTHY    fine/Checks.passes");
    }

    @Test
    void installFromAUrlNeedsAndChecksTheSha256() throws IOException {
        Path jar = fine("1.0.0").writeJar(dir.resolve("build"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/packages/fine-1.0.0.jar", exchange -> {
            byte[] body = Files.readAllBytes(jar);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = "http://user:secret@127.0.0.1:" + server.getAddress().getPort() + "/packages/fine-1.0.0.jar?token=secret";

            Cli.Result unverified = Cli.run("package", "install", url, "--config", config.toString());
            Cli.Result verified = Cli.run("package", "install", url, "--sha256", Checksums.sha256(jar).toUpperCase(),
                "--config", config.toString());

            assertThat(unverified.exitCode()).isEqualTo(2);
            assertThat(unverified.err()).contains("a downloaded package must be verified: add --sha256");
            assertThat(verified.exitCode()).as(verified.err()).isZero();
            assertThat(verified.out()).contains("installed fine 1.0.0").doesNotContain("secret");
            Cli.Result list = Cli.run("package", "list", "--config", config.toString());
            assertThat(list.out()).contains("from http://127.0.0.1:" + server.getAddress().getPort() + "/packages/fine-1.0.0.jar")
                .doesNotContain("secret");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void removeDeletesThePackageButNotWhileAnotherDependsOnIt() throws IOException {
        Cli.run("package", "install", fine("1.0.0").writeJar(dir.resolve("b1")).toString(), "--config", config.toString());
        Path needy = PackageJar.named("needy").dependsOn("fine").source("needy.Checks", """
            package needy;
            class Checks {
                @dev.medic.api.Check
                void passes() {
                }
            }
            """).writeJar(dir.resolve("b2"));
        assertThat(Cli.run("package", "install", needy.toString(), "--config", config.toString()).exitCode()).isZero();

        Cli.Result refused = Cli.run("package", "remove", "fine", "--config", config.toString());
        Cli.Result removedNeedy = Cli.run("package", "remove", "needy", "--config", config.toString());
        Cli.Result removedFine = Cli.run("package", "remove", "fine", "--config", config.toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("package fine is needed by needy; remove those first, or use --force");
        assertThat(removedNeedy.exitCode()).isZero();
        assertThat(removedFine.exitCode()).isZero();
        assertThat(removedFine.out()).contains("removed fine 1.0.0");
        assertThat(snapshot()).doesNotContainKeys("fine.jar", "needy.jar", ".medic/fine.properties");
    }

    @Test
    void aPackageChangedAfterItsInstallIsFlagged() throws IOException {
        Cli.run("package", "install", fine("1.0.0").writeJar(dir.resolve("b1")).toString(), "--config", config.toString());
        Files.copy(fine("6.6.6").writeJar(dir.resolve("b2")), packages.resolve("fine.jar"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(Cli.run("package", "list", "--config", config.toString()).out()).contains("CHANGED SINCE INSTALL");
    }
}
