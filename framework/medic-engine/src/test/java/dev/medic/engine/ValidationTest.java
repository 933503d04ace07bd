package dev.medic.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.config.ConfigProblem;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.PackageConfig;
import dev.medic.engine.testing.PackageJar;

/** {@link Medic#validate()} and {@link Medic#configProblems()} find problems without running a check. */
class ValidationTest {

    @TempDir
    Path dir;

    private Path packages() {
        return dir.resolve("packages");
    }

    private MedicConfig config() {
        return MedicConfig.inDirectory(dir.resolve("state")).withPackagesDir(packages());
    }

    private static MedicConfig withSettings(MedicConfig config, String packageId, Map<String, Object> settings) {
        return config.withPackage(packageId, new PackageConfig(CheckOptions.inherit(), settings, Map.of(), 7));
    }

    private static List<ConfigProblem> validate(MedicConfig config) {
        try (Medic medic = Medic.builder(config).sleeper(duration -> { }).build()) {
            return medic.validate();
        }
    }

    private static List<ConfigProblem> configProblems(MedicConfig config) {
        try (Medic medic = Medic.builder(config).sleeper(duration -> { }).build()) {
            return medic.configProblems();
        }
    }

    /** A package whose one check is paired with a repair of the given source. */
    private void packageWithRepair(String repairSource) throws IOException {
        PackageJar.named("acme").source("acme.Service", """
            package acme;
            import dev.medic.api.*;
            class Service {
                @Check
                @RepairWith(Restart.class)
                void runs() {
                }
            }
            """).source("acme.Restart", repairSource).writeJar(packages());
    }

    /** A package declaring its settings, with one check that uses none of them. */
    private void packageWithSettings() throws IOException {
        PackageJar.named("acme").resource("medic-package.yml", """
            settings:
              port:
                type: integer
                default: 8080
              host: localhost
            """).source("acme.Service", """
            package acme;
            import dev.medic.api.Check;
            class Service {
                @Check
                void runs() {
                }
            }
            """).writeJar(packages());
    }

    @Test
    void repairWithoutAConstructorWithoutParametersIsReportedWithItsCheck() throws IOException {
        packageWithRepair("""
            package acme;
            import dev.medic.api.*;
            class Restart implements Repair {
                private final String service;
                Restart(String service) {
                    this.service = service;
                }
                @Override
                public RepairResult repair(RepairContext context) {
                    return RepairResult.succeeded("restarted " + service);
                }
            }
            """);

        List<ConfigProblem> problems = validate(config());

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("Service.runs").contains("Restart")
                .contains("needs a constructor without parameters");
            assertThat(problem.file()).endsWith("acme-1.0.0.jar");
        });
    }

    @Test
    void repairWhoseConstructorThrowsIsReported() throws IOException {
        packageWithRepair("""
            package acme;
            import dev.medic.api.*;
            class Restart implements Repair {
                Restart() {
                    throw new IllegalStateException("no init system found");
                }
                @Override
                public RepairResult repair(RepairContext context) {
                    return RepairResult.succeeded("restarted");
                }
            }
            """);

        List<ConfigProblem> problems = validate(config());

        assertThat(problems).singleElement().extracting(ConfigProblem::message).asString()
            .contains("Service.runs").contains("Restart").contains("no init system found");
    }

    @Test
    void repairThatCanBeCreatedIsNoProblem() throws IOException {
        packageWithRepair("""
            package acme;
            import dev.medic.api.*;
            class Restart implements Repair {
                @Override
                public RepairResult repair(RepairContext context) {
                    return RepairResult.succeeded("restarted");
                }
            }
            """);

        assertThat(validate(config())).isEmpty();
    }

    @Test
    void classExtendingALibraryClassThatIsNotBundledCannotBeLoaded() throws IOException {
        Path library = PackageJar.library(dir.resolve("libraries"), "base-lib", Map.of("com.acme.base.Base", """
            package com.acme.base;
            public class Base {
            }
            """));
        PackageJar.named("acme").library(library).source("acme.Derived", """
            package acme;
            public class Derived extends com.acme.base.Base {
            }
            """).source("acme.Service", """
            package acme;
            import dev.medic.api.Check;
            class Service {
                @Check
                void runs() {
                }
            }
            """).writeJar(packages());

        List<ConfigProblem> problems = validate(config());

        assertThat(problems).anySatisfy(problem -> assertThat(problem.message())
            .contains("acme.Derived").contains("cannot be loaded").contains("com/acme/base/Base"));
        assertThat(problems).noneSatisfy(problem -> assertThat(problem.message()).contains("acme.Service"));
    }

    @Test
    void configuredPackageThatIsNotInstalledIsAConfigProblem() throws IOException {
        packageWithSettings();
        MedicConfig config = withSettings(config(), "ghost", Map.of());

        List<ConfigProblem> problems = configProblems(config);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("packages.ghost");
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.message()).contains("'ghost'").contains("installed: acme");
        });
        assertThat(validate(config)).extracting(ConfigProblem::key).contains("packages.ghost");
    }

    @Test
    void settingThePackageDoesNotDeclareIsAConfigProblem() throws IOException {
        packageWithSettings();
        MedicConfig config = withSettings(config(), "acme", Map.of("prot", 8081));

        List<ConfigProblem> problems = configProblems(config);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("packages.acme.settings");
            assertThat(problem.message()).contains("unknown setting 'prot'").contains("port, host");
        });
    }

    @Test
    void settingOfTheWrongTypeIsAConfigProblem() throws IOException {
        packageWithSettings();
        MedicConfig config = withSettings(config(), "acme", Map.of("port", "abc"));

        List<ConfigProblem> problems = configProblems(config);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("packages.acme.settings");
            assertThat(problem.message()).contains("'port'").contains("'abc'").contains("a whole number");
        });
    }

    @Test
    void settingsThatMatchTheDeclarationsAreNoConfigProblem() throws IOException {
        packageWithSettings();
        MedicConfig config = withSettings(config(), "acme", Map.of("port", 8081, "host", "db.internal"));

        assertThat(configProblems(config)).isEmpty();
        assertThat(validate(config)).isEmpty();
    }
}
