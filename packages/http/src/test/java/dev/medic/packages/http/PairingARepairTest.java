package dev.medic.packages.http;

import static dev.medic.packages.http.HttpPackage.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.api.Target;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.Measurement;
import dev.medic.engine.Medic;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairOutcome;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunReport;
import dev.medic.engine.Selection;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.PackageConfig;
import dev.medic.engine.spi.RunListener;

/**
 * The way docs/packages/http.md tells operators to pair an HTTP target with a repair: a package
 * of their own, with {@code Plugin-Dependencies: http}, whose check calls
 * {@link HttpTargetCheck}. Both packages are real jars in a packages directory, loaded by the
 * engine in their own class loaders, as {@code medic run} loads them.
 */
class PairingARepairTest {

    private static final String CHECKS = """
        package acme;
        import dev.medic.api.*;
        import dev.medic.packages.http.HttpTargetCheck;
        class ShopChecks {
            @CheckEach("targets")
            @RepairWith(OpenShop.class)
            void answers(Target target, Measurements measurements) {
                HttpTargetCheck.verify(target, measurements);
            }
        }
        """;

    private static final String REPAIR = """
        package acme;
        import java.nio.file.*;
        import dev.medic.api.*;
        public class OpenShop implements Repair {
            public RepairResult repair(RepairContext context) throws Exception {
                Path marker = Path.of(context.settings().get("open-marker"));
                Files.createFile(marker);
                return RepairResult.succeeded("created " + marker.getFileName());
            }
        }
        """;

    @TempDir
    Path dir;

    private LoopbackServer shop;
    private Path openMarker;
    private Path packages;

    @BeforeEach
    void buildPackagesAndStartShop() throws Exception {
        openMarker = dir.resolve("open");
        shop = LoopbackServer.http().on("/health", exchange ->
            LoopbackServer.respond(exchange, Files.exists(openMarker) ? 200 : 503, "", Map.of()));
        packages = Files.createDirectories(dir.resolve("packages"));
        Path httpClasses = location(HttpTargetCheck.class);
        jar(httpClasses, packages.resolve("http.jar"), Map.of("Plugin-Id", "http"));
        jar(compileOperatorPackage(httpClasses), packages.resolve("shop.jar"),
            Map.of("Plugin-Id", "shop", "Plugin-Dependencies", "http"));
    }

    @AfterEach
    void stopShop() {
        shop.close();
    }

    @Test
    void anOperatorsPackageHealsAnHttpTargetWithItsOwnRepair() {
        List<Measurement> measurements = new ArrayList<>();

        RunReport report = run(RunMode.RUN, measurements);

        assertThat(report.checks()).singleElement().satisfies(check -> {
            assertThat(check.check().toString()).contains("ShopChecks.answers[front]");
            assertThat(check.outcome()).isEqualTo(Outcome.REPAIRED);
        });
        assertThat(report.repairs()).extracting(RepairRecord::outcome).containsExactly(RepairOutcome.SUCCEEDED);
        assertThat(measurements).extracting(measurement -> measurement.tags().get("target")).containsOnly("front");
        assertThat(measurements).filteredOn(measurement -> measurement.name().equals("http.status_code"))
            .extracting(Measurement::value).startsWith(503.0).endsWith(200.0);
    }

    @Test
    void underMedicCheckTheSameTargetStaysUnresolvedAndNothingIsRepaired() {
        RunReport report = run(RunMode.CHECK, new ArrayList<>());

        assertThat(report.checks()).extracting(CheckRecord::outcome, CheckRecord::reason)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.UNRESOLVED, Reason.CHECK_ONLY));
        assertThat(report.checks().get(0).message()).contains("target 'front'", "503", "expected-status 200");
        assertThat(openMarker).doesNotExist();
    }

    private RunReport run(RunMode mode, List<Measurement> measurements) {
        Map<String, Object> settings = Map.of("targets", List.of(target("front", shop.url("/health"),
            "expected-status", List.of(200), "open-marker", openMarker.toString())));
        MedicConfig config = MedicConfig.inDirectory(dir.resolve("state")).withPackagesDir(packages)
            .withPackage("shop", new PackageConfig(CheckOptions.inherit(), settings, Map.of(), 1));
        try (Medic medic = Medic.builder(config).listener(new RunListener() {
            @Override
            public void measured(Measurement measurement) {
                measurements.add(measurement);
            }
        }).build()) {
            return medic.run(mode, Selection.of("shop", "*"));
        }
    }

    private Path compileOperatorPackage(Path httpClasses) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/acme"));
        Path classes = Files.createDirectories(dir.resolve("shop-classes"));
        Files.writeString(sources.resolve("ShopChecks.java"), CHECKS);
        Files.writeString(sources.resolve("OpenShop.java"), REPAIR);
        String classPath = Stream.concat(Stream.of(httpClasses),
                Stream.of(Target.class, Test.class, org.apiguardian.api.API.class).map(PairingARepairTest::location))
            .map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int exit = compiler.run(null, null, null, "-d", classes.toString(), "-cp", classPath, "-proc:none",
            sources.resolve("ShopChecks.java").toString(), sources.resolve("OpenShop.java").toString());
        assertThat(exit).as("javac exit code").isZero();
        return classes;
    }

    /** A package jar of a directory of classes, with the given manifest entries. */
    private static void jar(Path classes, Path jar, Map<String, String> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Plugin-Version", "0.1.0");
        entries.forEach(manifest.getMainAttributes()::putValue);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
