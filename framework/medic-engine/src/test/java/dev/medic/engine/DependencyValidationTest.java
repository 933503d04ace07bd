package dev.medic.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.config.ConfigProblem;
import dev.medic.engine.config.CheckConfig;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.Option;
import dev.medic.engine.config.PackageConfig;
import dev.medic.engine.testing.PackageJar;

/** {@code medic validate} on {@code depends-on}: references that name nothing, and cycles. */
class DependencyValidationTest {

    @TempDir
    Path dir;

    @BeforeEach
    void buildPackages() throws IOException {
        PackageJar.named("web").source("web.Web", """
            package web;
            import dev.medic.api.Check;
            class Web {
                @Check void front() { }
                @Check void api() { }
            }
            """).writeJar(dir.resolve("packages"));
        PackageJar.named("net").source("net.Net", """
            package net;
            import dev.medic.api.Check;
            class Net {
                @Check void dns() { }
            }
            """).writeJar(dir.resolve("packages"));
    }

    private List<ConfigProblem> validate(Map<String, List<String>> dependsOn) {
        Map<String, CheckConfig> checks = new java.util.LinkedHashMap<>();
        dependsOn.forEach((check, references) -> checks.put(check,
            new CheckConfig(CheckOptions.inherit().with(Option.DEPENDS_ON, references), Map.of(), 7)));
        MedicConfig config = MedicConfig.inDirectory(dir.resolve("state")).withPackagesDir(dir.resolve("packages"))
            .withPackage("web", new PackageConfig(CheckOptions.inherit(), Map.of(), checks, 3));
        try (Medic medic = Medic.builder(config).build()) {
            return medic.validate();
        }
    }

    @Test
    void dependenciesOnExistingChecksInTheSameOrAnotherPackageAreValid() {
        assertThat(validate(Map.of("Web.front", List.of("Web.api", "net/Net.dns")))).isEmpty();
    }

    @Test
    void aReferenceToNoCheckIsReportedWithHowToWriteOne() {
        List<ConfigProblem> problems = validate(Map.of("Web.front", List.of("net/Net.dnss")));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.key()).isEqualTo("packages.web.checks.Web.front.depends-on");
            assertThat(problem.message()).isEqualTo("'net/Net.dnss' names no check; write Check.name for a check of "
                + "the same package, or package/Check.name");
        });
    }

    @Test
    void aCycleIsRejectedOnceWithItsPath() {
        List<ConfigProblem> problems = validate(Map.of("Web.front", List.of("Web.api"), "Web.api", List.of("Web.front")));

        assertThat(problems).singleElement().extracting(ConfigProblem::message).asString().isIn(
            "dependency cycle: web/Web.front -> web/Web.api -> web/Web.front; a check cannot wait for itself",
            "dependency cycle: web/Web.api -> web/Web.front -> web/Web.api; a check cannot wait for itself");
    }

    @Test
    void aCheckThatDependsOnItselfIsACycle() {
        assertThat(validate(Map.of("Web.front", List.of("Web.front")))).singleElement()
            .extracting(ConfigProblem::message).asString().startsWith("dependency cycle: web/Web.front -> web/Web.front");
    }
}
