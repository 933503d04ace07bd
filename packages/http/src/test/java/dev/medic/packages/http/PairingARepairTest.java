package dev.medic.packages.http;

import static dev.medic.packages.http.HttpPackage.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.api.Target;
import dev.medic.engine.Outcome;
import dev.medic.engine.RepairOutcome;
import dev.medic.test.PackageTestKit;
import dev.medic.test.TestRun;

/**
 * The way docs/packages/http.md tells operators to pair an HTTP target with a repair: a package
 * of their own whose check calls {@link HttpTargetCheck}. The operator's package is compiled by
 * this test from source and loaded in its own class loader, as a package is.
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

    @BeforeEach
    void startShop() throws IOException {
        openMarker = dir.resolve("open");
        shop = LoopbackServer.http().on("/health", exchange ->
            LoopbackServer.respond(exchange, Files.exists(openMarker) ? 200 : 503, "", Map.of()));
    }

    @AfterEach
    void stopShop() {
        shop.close();
    }

    @Test
    void anOperatorsPackageHealsAnHttpTargetWithItsOwnRepair() throws Exception {
        Class<?> checks = compileOperatorPackage();

        TestRun run = PackageTestKit.forPackageOf(checks).id("shop")
            .setting("targets", List.of(target("front", shop.url("/health"), "expected-status", List.of(200),
                "open-marker", openMarker.toString())))
            .run();

        assertThat(run.outcome("ShopChecks.answers[front]")).isEqualTo(Outcome.REPAIRED);
        assertThat(run.repairs()).singleElement().satisfies(repair ->
            assertThat(repair.outcome()).isEqualTo(RepairOutcome.SUCCEEDED));
        assertThat(run.measurements()).extracting(measurement -> measurement.tags().get("target")).containsOnly("front");
        assertThat(run.measurements()).filteredOn(measurement -> measurement.name().equals("http.status_code"))
            .extracting(measurement -> measurement.value()).startsWith(503.0).endsWith(200.0);
    }

    @Test
    void withoutTheRepairTheSameTargetIsUnresolved() throws Exception {
        Class<?> checks = compileOperatorPackage();

        TestRun run = PackageTestKit.forPackageOf(checks).id("shop")
            .setting("targets", List.of(target("front", shop.url("/health"), "open-marker", openMarker.toString())))
            .reportOnly(true).run();

        assertThat(run.outcome("ShopChecks.answers[front]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(openMarker).doesNotExist();
    }

    private Class<?> compileOperatorPackage() throws IOException, ClassNotFoundException, URISyntaxException {
        Path sources = Files.createDirectories(dir.resolve("src/acme"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(sources.resolve("ShopChecks.java"), CHECKS);
        Files.writeString(sources.resolve("OpenShop.java"), REPAIR);
        String classPath = Stream.of(Target.class, Test.class, HttpTargetCheck.class, org.apiguardian.api.API.class)
            .map(PairingARepairTest::location).collect(Collectors.joining(java.io.File.pathSeparator));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath, "-proc:none"));
        arguments.add(sources.resolve("ShopChecks.java").toString());
        arguments.add(sources.resolve("OpenShop.java").toString());
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).as("javac exit code").isZero();
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass("acme.ShopChecks");
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
