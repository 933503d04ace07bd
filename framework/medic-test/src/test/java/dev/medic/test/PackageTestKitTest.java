package dev.medic.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

import dev.medic.api.Repair;
import dev.medic.api.RepairResult;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairOutcome;
import dev.medic.engine.testing.PackageJar;

/**
 * The kit as a package author uses it. The package under test is a real jar compiled by the
 * test and loaded in its own class loader, as a package's target/classes would be.
 */
class PackageTestKitTest {

    @TempDir
    Path dir;

    private Class<?> checks;
    private Class<?> repair;
    private Path marker;

    @BeforeEach
    void buildPackage() throws IOException, ClassNotFoundException {
        Path jar = PackageJar.named("markers")
            .resource("medic-package.yml", """
                settings:
                  marker:
                    type: path
                    default: /nonexistent/marker
                  retries:
                    type: integer
                    default: 3
                """)
            .source("acme.MarkerChecks", """
                package acme;
                import static org.assertj.core.api.Assertions.assertThat;
                import java.nio.file.Path;
                import dev.medic.api.*;
                class MarkerChecks {
                    @Check
                    @RepairWith(CreateMarker.class)
                    void markerExists(@Setting("marker") Path marker, @Setting("retries") int retries) {
                        assertThat(retries).isEqualTo(3);
                        assertThat(marker).as("marker").exists();
                    }
                    @Stats
                    void counts(Measurements measurements) {
                        measurements.record("markers.count", 1);
                    }
                }
                """)
            .source("acme.CreateMarker", """
                package acme;
                import java.nio.file.*;
                import dev.medic.api.*;
                public class CreateMarker implements Repair {
                    public RepairResult repair(RepairContext context) throws Exception {
                        Path marker = context.settings().get("marker", Path.class);
                        Files.createFile(marker);
                        context.log().log(System.Logger.Level.INFO, "created " + marker);
                        return RepairResult.succeeded("created " + marker.getFileName());
                    }
                }
                """)
            .writeJar(dir.resolve("jars"));
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
        checks = loader.loadClass("acme.MarkerChecks");
        repair = loader.loadClass("acme.CreateMarker");
        marker = dir.resolve("marker");
    }

    @Test
    void runRepairsTheFailingCheckAndRetestsIt() {
        TestRun run = PackageTestKit.forPackageOf(checks).id("markers").setting("marker", marker).run();

        assertThat(run.outcome("MarkerChecks.markerExists")).isEqualTo(Outcome.REPAIRED);
        assertThat(run.check("MarkerChecks.markerExists").check().packageId()).isEqualTo("markers");
        assertThat(run.repairs()).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(RepairOutcome.SUCCEEDED);
            assertThat(attempt.log()).anySatisfy(line -> assertThat(line).contains("created"));
        });
        assertThat(marker).exists();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void checkNeverRepairs() {
        TestRun run = PackageTestKit.forPackageOf(checks).setting("marker", marker).check();

        assertThat(run.reason("MarkerChecks.markerExists")).isEqualTo(Reason.CHECK_ONLY);
        assertThat(run.repairs()).isEmpty();
        assertThat(marker).doesNotExist();
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void statsMeasurementsAreCollected() throws IOException {
        Files.createFile(marker);

        TestRun run = PackageTestKit.forPackageOf(checks).setting("marker", marker).run();

        assertThat(run.outcome("MarkerChecks.markerExists")).isEqualTo(Outcome.HEALTHY);
        assertThat(run.measurements()).extracting(measurement -> measurement.name()).containsExactly("markers.count");
    }

    @Test
    void aSettingOfTheWrongTypeIsRefusedNamingTheKey() {
        PackageTestKit kit = PackageTestKit.forPackageOf(checks).setting("marker", marker).setting("retries", "many");

        assertThatThrownBy(kit::run).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("setting 'retries'").hasMessageContaining("expected a whole number");
    }

    @Test
    void anUnknownCheckNameFailsWithTheNamesThatRan() {
        TestRun run = PackageTestKit.forPackageOf(checks).setting("marker", marker).check();

        assertThatThrownBy(() -> run.outcome("MarkerChecks.nope")).isInstanceOf(AssertionError.class)
            .hasMessageContaining("MarkerChecks.markerExists");
    }

    @Test
    void aRepairCanBeCalledDirectlyWithATestContext() throws Exception {
        TestRepairContext context = TestRepairContext.forCheck("MarkerChecks.markerExists")
            .setting("marker", marker).timeout(Duration.ofSeconds(5)).build();

        RepairResult result = ((Repair) repair.getDeclaredConstructor().newInstance()).repair(context);

        assertThat(result.isSuccess()).isTrue();
        assertThat(marker).exists();
        assertThat(context.logged()).singleElement().asString().contains("created");
    }

    @Test
    void checksRunAsPlainJUnitTestsGetThePackagesDeclaredDefaults() throws IOException {
        // "retries" comes from medic-package.yml (the check asserts 3); "marker" from a JUnit parameter.
        Files.createFile(marker);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(checks.getClassLoader());
        try {
            EngineTestKit.engine("junit-jupiter").selectors(selectClass(checks))
                .configurationParameter("medic.setting.marker", marker.toString())
                .execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("markerExists"), finishedSuccessfully()));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
