package dev.medic.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.PackageConfig;
import dev.medic.engine.internal.store.InMemoryStore;
import dev.medic.engine.testing.PackageJar;

class PackageLoadingTest {

    @TempDir
    Path dir;

    private Path packages() {
        return dir.resolve("packages");
    }

    private Path stateDir() {
        return dir.resolve("state");
    }

    private MedicConfig config() {
        return MedicConfig.inDirectory(stateDir()).withPackagesDir(packages());
    }

    private static RunReport run(MedicConfig config) {
        try (Medic medic = Medic.builder(config).store(new InMemoryStore()).sleeper(duration -> { }).build()) {
            return medic.run(RunMode.RUN, Selection.all());
        }
    }

    private static List<PackageInfo> inventory(MedicConfig config) {
        try (Medic medic = Medic.builder(config).sleeper(duration -> { }).build()) {
            return medic.inventory();
        }
    }

    /** A jar package "fine" with one passing check, to show that the others still run. */
    private void finePackage() throws IOException {
        PackageJar.named("fine").source("fine.Fine", """
            package fine;
            import dev.medic.api.Check;
            class Fine {
                @Check
                void passes() {
                }
            }
            """).writeJar(packages());
    }

    private static CheckRecord record(RunReport report, String check) {
        return report.checks().stream().filter(record -> record.check().toString().equals(check)).findFirst()
            .orElseThrow(() -> new AssertionError("no record for " + check + " in " + report.checks()));
    }

    private static PackageInfo info(List<PackageInfo> inventory, String id) {
        return inventory.stream().filter(info -> info.id().equals(id)).findFirst()
            .orElseThrow(() -> new AssertionError("no package " + id + " in " + inventory));
    }

    @Test
    void zipPackageWithClassesLibAndPluginPropertiesLoadsAndItsCheckRuns() throws IOException {
        Path library = PackageJar.library(dir.resolve("libraries"), "greeting-lib", Map.of("com.acme.lib.Greeting", """
            package com.acme.lib;
            public class Greeting {
                public static String text() {
                    return "hello";
                }
            }
            """));
        PackageJar.named("zipped").library(library).source("zipped.Zipped", """
            package zipped;
            import static org.assertj.core.api.Assertions.assertThat;
            import dev.medic.api.Check;
            class Zipped {
                @Check
                void usesItsLibrary() {
                    assertThat(com.acme.lib.Greeting.text()).isEqualTo("hello");
                }
            }
            """).writeZip(packages());

        RunReport report = run(config());

        assertThat(report.checks()).extracting(record -> record.check().toString(), CheckRecord::outcome)
            .containsExactly(tuple("zipped/Zipped.usesItsLibrary", Outcome.HEALTHY));
        assertThat(stateDir().resolve("cache/expanded")).isDirectoryContaining(path ->
            path.getFileName().toString().startsWith("zipped-1.0.0"));
    }

    @Test
    void twoPackagesBundlingDifferentVersionsOfOneLibraryEachSeeTheirOwn() throws IOException {
        String versionClass = """
            package com.acme.lib;
            public class Version {
                public static String get() {
                    return "%s";
                }
            }
            """;
        Path one = PackageJar.library(dir.resolve("lib-v1"), "acme-lib", Map.of("com.acme.lib.Version", versionClass.formatted("1")));
        Path two = PackageJar.library(dir.resolve("lib-v2"), "acme-lib", Map.of("com.acme.lib.Version", versionClass.formatted("2")));
        String check = """
            package %1$s;
            import static org.assertj.core.api.Assertions.assertThat;
            import dev.medic.api.Check;
            class Sees {
                @Check
                void itsOwnLibraryVersion() {
                    assertThat(com.acme.lib.Version.get()).as("library version").isEqualTo("%2$s");
                }
            }
            """;
        PackageJar.named("one").library(one).source("one.Sees", check.formatted("one", "1")).writeZip(packages());
        PackageJar.named("two").library(two).source("two.Sees", check.formatted("two", "2")).writeZip(packages());

        RunReport report = run(config());

        assertThat(report.checks()).extracting(record -> record.check().toString(), CheckRecord::outcome, CheckRecord::message)
            .containsExactlyInAnyOrder(
                tuple("one/Sees.itsOwnLibraryVersion", Outcome.HEALTHY, ""),
                tuple("two/Sees.itsOwnLibraryVersion", Outcome.HEALTHY, ""));
    }

    @Test
    void packageRequiringANewerMedicIsNotLoadedIsReportedAndTheOthersRun() throws IOException {
        PackageJar.named("future").requires(">=99.0.0").source("future.Future", """
            package future;
            import dev.medic.api.Check;
            class Future {
                @Check
                void passes() {
                }
            }
            """).writeJar(packages());
        finePackage();

        PackageInfo future = info(inventory(config()), "future");
        RunReport report = run(config());

        assertThat(future.loaded()).isFalse();
        assertThat(future.checks()).isEmpty();
        assertThat(future.problems()).singleElement().asString()
            .contains(">=99.0.0").contains("this is Medic " + Medic.version());
        CheckRecord failed = record(report, "future/" + Medic.PACKAGE_CHECK);
        assertThat(failed.outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(failed.reason()).isEqualTo(Reason.LOAD_FAILED);
        assertThat(failed.message()).contains(">=99.0.0");
        assertThat(record(report, "fine/Fine.passes").outcome()).isEqualTo(Outcome.HEALTHY);
        assertThat(report.checks()).noneMatch(record -> record.check().name().equals("Future.passes"));
    }

    @Test
    void packageDependingOnAMissingPackageIsReportedAndTheOthersRun() throws IOException {
        PackageJar.named("needy").dependsOn("ghost").source("needy.Needy", """
            package needy;
            import dev.medic.api.Check;
            class Needy {
                @Check
                void passes() {
                }
            }
            """).writeJar(packages());
        PackageJar.named("needier").dependsOn("needy").source("needier.Needier", """
            package needier;
            import dev.medic.api.Check;
            class Needier {
                @Check
                void passes() {
                }
            }
            """).writeJar(packages());
        finePackage();

        PackageInfo needy = info(inventory(config()), "needy");
        RunReport report = run(config());

        assertThat(needy.loaded()).isFalse();
        assertThat(needy.problems()).singleElement().asString().contains("ghost");
        CheckRecord failed = record(report, "needy/" + Medic.PACKAGE_CHECK);
        assertThat(failed.outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(failed.reason()).isEqualTo(Reason.LOAD_FAILED);
        assertThat(failed.message()).contains("ghost");
        CheckRecord transitive = record(report, "needier/" + Medic.PACKAGE_CHECK);
        assertThat(transitive.reason()).isEqualTo(Reason.LOAD_FAILED);
        assertThat(transitive.message()).contains("needy");
        assertThat(record(report, "fine/Fine.passes").outcome()).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void packageNeedingANewerVersionOfAnInstalledPackageIsReportedWithBothVersions() throws IOException {
        PackageJar.named("needy").dependsOn("fine@>=2.0.0").source("needy.Needy", """
            package needy;
            import dev.medic.api.Check;
            class Needy {
                @Check
                void passes() {
                }
            }
            """).writeJar(packages());
        finePackage();

        RunReport report = run(config());

        assertThat(record(report, "needy/" + Medic.PACKAGE_CHECK).message())
            .contains("fine >=2.0.0").contains("installed: 1.0.0");
        assertThat(record(report, "fine/Fine.passes").outcome()).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void packagesThatDependOnEachOtherAreReportedAndTheOthersRun() throws IOException {
        for (String[] pair : new String[][] {{"chicken", "egg"}, {"egg", "chicken"}}) {
            PackageJar.named(pair[0]).dependsOn(pair[1]).source(pair[0] + ".Check" + pair[0], """
                package %1$s;
                class Check%1$s {
                    @dev.medic.api.Check
                    void passes() {
                    }
                }
                """.formatted(pair[0])).writeJar(packages());
        }
        finePackage();

        RunReport report = run(config());

        assertThat(report.checks()).extracting(record -> record.check().toString(), CheckRecord::outcome, CheckRecord::reason)
            .containsExactlyInAnyOrder(
                tuple("chicken/" + Medic.PACKAGE_CHECK, Outcome.UNRESOLVED, Reason.LOAD_FAILED),
                tuple("egg/" + Medic.PACKAGE_CHECK, Outcome.UNRESOLVED, Reason.LOAD_FAILED),
                tuple("fine/Fine.passes", Outcome.HEALTHY, Reason.NONE));
        assertThat(record(report, "egg/" + Medic.PACKAGE_CHECK).message()).contains("cycle");
    }

    @Test
    void zipWithPathTraversalEntriesIsRefusedWritesNothingOutsideTheCacheAndTheOthersRun() throws IOException {
        Files.createDirectories(packages());
        Path evil = packages().resolve("evil-1.0.0.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(evil))) {
            for (Map.Entry<String, String> entry : Map.of(
                    "plugin.properties", "plugin.id=evil\nplugin.version=1.0.0\n",
                    "classes/../../evil.txt", "escaped",
                    "../evil.class", "escaped").entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        finePackage();

        RunReport report = run(config());
        List<PackageInfo> inventory = inventory(config());

        CheckRecord refused = record(report, "evil-1.0.0.zip/" + Medic.PACKAGE_CHECK);
        assertThat(refused.outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(refused.reason()).isEqualTo(Reason.LOAD_FAILED);
        assertThat(refused.message()).contains("path traversal");
        assertThat(info(inventory, "evil-1.0.0.zip").loaded()).isFalse();
        assertThat(record(report, "fine/Fine.passes").outcome()).isEqualTo(Outcome.HEALTHY);
        try (Stream<Path> everything = Files.walk(dir)) {
            assertThat(everything.map(path -> dir.relativize(path).toString()))
                .as("files under the test directory")
                .noneMatch(path -> path.contains("evil.txt") || path.contains("evil.class"));
        }
        Path expanded = stateDir().resolve("cache/expanded");
        try (Stream<Path> left = Files.list(expanded)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                .as("nothing of the refused archive is left in the cache, not even a staging directory")
                .noneMatch(name -> name.contains("evil"));
        }
    }

    @Test
    void jarWithoutPluginIdIsReportedAsNotAMedicPackageAndTheOthersRun() throws IOException {
        Files.createDirectories(packages());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Main-Class", "com.acme.Tool");
        manifest.getMainAttributes().putValue("Plugin-Version", "1.0.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(packages().resolve("tool.jar")), manifest)) {
            out.putNextEntry(new ZipEntry("com/acme/readme.txt"));
            out.write("not a package".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        PackageJar.library(packages(), "plain-lib", Map.of("com.acme.Plain", "package com.acme; public class Plain { }"));
        finePackage();

        RunReport report = run(config());
        List<PackageInfo> inventory = inventory(config());

        assertThat(report.checks()).extracting(record -> record.check().toString(), CheckRecord::outcome, CheckRecord::reason)
            .containsExactlyInAnyOrder(
                tuple("fine/Fine.passes", Outcome.HEALTHY, Reason.NONE),
                tuple("plain-lib.jar/" + Medic.PACKAGE_CHECK, Outcome.UNRESOLVED, Reason.LOAD_FAILED),
                tuple("tool.jar/" + Medic.PACKAGE_CHECK, Outcome.UNRESOLVED, Reason.LOAD_FAILED));
        assertThat(record(report, "tool.jar/" + Medic.PACKAGE_CHECK).message()).contains("tool.jar is not a Medic package");
        assertThat(record(report, "plain-lib.jar/" + Medic.PACKAGE_CHECK).message())
            .contains("plain-lib.jar is not a Medic package");
        assertThat(info(inventory, "tool.jar").problems()).singleElement().asString().contains("is not a Medic package");
        assertThat(info(inventory, "tool.jar").loaded()).isFalse();
    }

    @Test
    void packageSettingDefaultsReachTheCheckAndTheUsersSettingsOverrideThemKeyByKey() throws IOException {
        PackageJar.named("acme").resource("medic-package.yml", """
            settings:
              greeting: hello
              retries: 3
              mode:
                type: string
                default: fast
            """).source("acme.Configured", """
            package acme;
            import static org.assertj.core.api.Assertions.assertThat;
            import dev.medic.api.*;
            class Configured {
                @Check
                void seesItsSettings(@Setting("greeting") String greeting, @Setting("retries") int retries,
                        @Setting("mode") String mode) {
                    assertThat(greeting).as("greeting, set by the user").isEqualTo("hi");
                    assertThat(retries).as("retries, the package's default").isEqualTo(3);
                    assertThat(mode).as("mode, set by the user").isEqualTo("thorough");
                }
            }
            """).writeJar(packages());
        MedicConfig config = config().withPackage("acme", new PackageConfig(CheckOptions.inherit(),
            Map.of("greeting", "hi", "mode", "thorough"), Map.of(), 0));

        RunReport report = run(config);

        CheckRecord record = record(report, "acme/Configured.seesItsSettings");
        assertThat(record.outcome()).as(record.message()).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void packageSettingDefaultsAloneReachTheCheck() throws IOException {
        PackageJar.named("acme").resource("medic-package.yml", """
            settings:
              greeting: hello
            """).source("acme.Configured", """
            package acme;
            import static org.assertj.core.api.Assertions.assertThat;
            import dev.medic.api.*;
            class Configured {
                @Check
                void seesTheDefault(@Setting("greeting") String greeting) {
                    assertThat(greeting).as("greeting").isEqualTo("hello");
                }
            }
            """).writeZip(packages());

        RunReport report = run(config());

        CheckRecord record = record(report, "acme/Configured.seesTheDefault");
        assertThat(record.outcome()).as(record.message()).isEqualTo(Outcome.HEALTHY);
    }
}
