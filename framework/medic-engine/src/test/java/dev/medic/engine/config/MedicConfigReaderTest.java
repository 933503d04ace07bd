package dev.medic.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.api.internal.Durations;
import dev.medic.config.ConfigProblem;
import dev.medic.config.ConfigProblems;

class MedicConfigReaderTest {

    @TempDir
    Path dir;

    private final ConfigProblems problems = new ConfigProblems();

    private Path defaultState() {
        return dir.resolve("default-state");
    }

    private MedicConfigReader.Loaded read(String yaml, List<String> sectionKeys) throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path file = etc.resolve("medic.yml");
        Files.writeString(file, yaml);
        return new MedicConfigReader(sectionKeys).read(file, "medic.yml", defaultState(), problems);
    }

    private MedicConfig config(String yaml) throws IOException {
        return read(yaml, List.of()).config();
    }

    private ConfigProblem onlyProblem() {
        assertThat(problems.all()).hasSize(1);
        return problems.all().get(0);
    }

    private static CheckOptions options(Boolean enabled, Boolean reportOnly, Duration timeout, Duration repairTimeout) {
        return CheckOptions.inherit().with(Option.ENABLED, Optional.ofNullable(enabled))
            .with(Option.REPORT_ONLY, Optional.ofNullable(reportOnly)).with(Option.TIMEOUT, Optional.ofNullable(timeout))
            .with(Option.REPAIR_TIMEOUT, Optional.ofNullable(repairTimeout));
    }

    @Test
    void realisticConfigurationIsReadIntoMedicConfig() throws IOException {
        MedicConfigReader.Loaded loaded = read("""
            host: web-01
            environment: production
            state-dir: state
            packages-dir: ../packages
            store:
              path: history/medic.db
            defaults:
              timeout: 45s
              repair-timeout: 5m
              report-only: true
            packages:
              demo:
                enabled: true
                timeout: 1m30s
                settings:
                  port: 18080
                  hosts: [a, b]
                  http: {path: /health}
                checks:
                  DemoChecks.answers:
                    report-only: false
                    settings:
                      port: 9090
                  Disk.hasRoom[/var]:
                    enabled: false
              other-pkg:
            influxdb:
              url: http://localhost:8086
            """, List.of("influxdb"));
        MedicConfig config = loaded.config();

        assertThat(problems.all()).isEmpty();
        Path etc = dir.resolve("etc").toAbsolutePath();
        assertThat(config.source()).contains(etc.resolve("medic.yml"));
        assertThat(config.host()).isEqualTo("web-01");
        assertThat(config.environment()).isEqualTo("production");
        assertThat(config.stateDir()).isEqualTo(etc.resolve("state"));
        assertThat(config.packagesDir()).isEqualTo(dir.toAbsolutePath().resolve("packages"));
        assertThat(config.storePath()).isEqualTo(etc.resolve("history/medic.db"));
        assertThat(config.defaults())
            .isEqualTo(options(null, true, Duration.ofSeconds(45), Duration.ofMinutes(5)));
        assertThat(config.packages()).containsOnlyKeys("demo", "other-pkg");

        PackageConfig demo = config.packageConfig("demo");
        assertThat(demo.options()).isEqualTo(options(true, null, Duration.ofSeconds(90), null));
        assertThat(demo.settings()).containsExactly(Map.entry("port", 18080L), Map.entry("hosts", List.of("a", "b")),
            Map.entry("http", Map.of("path", "/health")));
        assertThat(demo.line()).isEqualTo(12);
        assertThat(demo.checks()).containsOnlyKeys("DemoChecks.answers", "Disk.hasRoom[/var]");
        CheckConfig answers = demo.checks().get("DemoChecks.answers");
        assertThat(answers.options()).isEqualTo(options(null, false, null, null));
        assertThat(answers.settings()).isEqualTo(Map.of("port", 9090L));
        assertThat(answers.line()).isEqualTo(20);
        assertThat(demo.checks().get("Disk.hasRoom[/var]").options()).isEqualTo(options(false, null, null, null));

        assertThat(config.packageConfig("other-pkg")).isEqualTo(new PackageConfig(CheckOptions.inherit(), Map.of(),
            Map.of(), config.packageConfig("other-pkg").line()));
        assertThat(config.packageConfig("absent")).isEqualTo(PackageConfig.none());
        assertThat(loaded.root().map("influxdb").string("url")).contains("http://localhost:8086");
    }

    @Test
    void emptyFileGivesEveryDefault() throws IOException {
        MedicConfig config = config("");

        assertThat(problems.all()).isEmpty();
        assertThat(config.stateDir()).isEqualTo(defaultState());
        assertThat(config.packagesDir()).isEqualTo(defaultState().resolve("packages"));
        assertThat(config.storePath()).isEqualTo(defaultState().resolve("medic.db"));
        assertThat(config.environment()).isEqualTo(MedicConfig.DEFAULT_ENVIRONMENT);
        assertThat(config.host()).isNotBlank();
        assertThat(config.defaults()).isEqualTo(CheckOptions.inherit());
        assertThat(config.packages()).isEmpty();
    }

    @Test
    void packagesDirAndStoreFollowAConfiguredStateDir() throws IOException {
        MedicConfig config = config("state-dir: /var/lib/medic\n");

        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/medic"));
        assertThat(config.packagesDir()).isEqualTo(Path.of("/var/lib/medic/packages"));
        assertThat(config.storePath()).isEqualTo(Path.of("/var/lib/medic/medic.db"));
    }

    @Test
    void pathsStartingWithTildeResolveAgainstTheUsersHome() throws IOException {
        MedicConfig config = config("state-dir: ~/medic\nstore:\n  path: '~'\n");

        Path home = dev.medic.config.ConfigPaths.home();
        assertThat(config.stateDir()).isEqualTo(home.resolve("medic"));
        assertThat(config.storePath()).isEqualTo(home);
    }

    @Test
    void unknownTopLevelKeyIsReportedWithTheAllowedKeysIncludingOtherModulesSections() throws IOException {
        read("host: web-01\ninflux:\n  url: x\n", List.of("influxdb", "alerts"));

        ConfigProblem problem = onlyProblem();
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.key()).isEqualTo("influx");
        assertThat(problem.message()).isEqualTo("unknown key 'influx'; allowed here: host, environment, "
            + "state-dir, packages-dir, store, defaults, maintenance, packages, influxdb, alerts");
    }

    @Test
    void sectionOfAnotherModuleIsAcceptedOnlyWhenItsKeyIsPassed() throws IOException {
        String yaml = "influxdb:\n  url: http://localhost:8086\n";

        read(yaml, List.of("influxdb"));
        assertThat(problems.all()).isEmpty();

        read(yaml, List.of());
        assertThat(onlyProblem().message()).startsWith("unknown key 'influxdb'");
    }

    @Test
    void unknownOptionKeyIsReportedWithTheOptionKeys() throws IOException {
        config("defaults:\n  timout: 5s\n");

        assertThat(onlyProblem().key()).isEqualTo("defaults.timout");
        assertThat(onlyProblem().message()).endsWith("allowed here: " + String.join(", ", Option.keys()));
    }

    @Test
    void badDurationIsReportedWithFileLineAndTheAllowedForms() throws IOException {
        MedicConfig config = config("host: web-01\ndefaults:\n  timeout: soon\n");

        ConfigProblem problem = onlyProblem();
        assertThat(problem.file()).isEqualTo("medic.yml");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.key()).isEqualTo("defaults.timeout");
        assertThat(problem.message())
            .isEqualTo("value 'soon' is not allowed; expected " + Durations.ALLOWED + ", greater than zero");
        assertThat(problem.toString()).startsWith("medic.yml:3:12: defaults.timeout: value 'soon' is not allowed");
        assertThat(config.defaults().find(Option.TIMEOUT)).isEmpty();
    }

    @Test
    void zeroOrOverlongDurationsAreReportedNotThrown() throws IOException {
        config("""
            packages:
              demo:
                timeout: 0s
                repair-timeout: 99999999999999999999s
            """);

        assertThat(problems.all()).extracting(ConfigProblem::key)
            .containsExactly("packages.demo.timeout", "packages.demo.repair-timeout");
    }

    @Test
    void settingsThatAreNotAMappingAreReported() throws IOException {
        MedicConfig config = config("""
            packages:
              demo:
                settings: [port, 80]
                checks:
                  DemoChecks.answers:
                    settings: 80
            """);

        assertThat(problems.all()).extracting(ConfigProblem::key, ConfigProblem::message).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("packages.demo.settings",
                "expected a mapping of setting names to values, found a list"),
            org.assertj.core.groups.Tuple.tuple("packages.demo.checks.DemoChecks.answers.settings",
                "expected a mapping of setting names to values, found the whole number 80"));
        assertThat(config.packageConfig("demo").settings()).isEmpty();
    }

    @Test
    void invalidHostNameIsReportedAndNotUsed() throws IOException {
        MedicConfig config = config("host: web 01!\nenvironment: prod/eu\n");

        assertThat(problems.all()).extracting(ConfigProblem::key).containsExactly("host", "environment");
        assertThat(problems.all().get(0).message())
            .isEqualTo("value 'web 01!' is not allowed; use 1 to 128 letters, digits, '_', '.' or '-'");
        assertThat(config.host()).isNotEqualTo("web 01!");
        assertThat(config.environment()).isEqualTo(MedicConfig.DEFAULT_ENVIRONMENT);
    }

    @Test
    void invalidPackageIdIsReported() throws IOException {
        config("packages:\n  'my package':\n    enabled: false\n");

        assertThat(onlyProblem().message()).startsWith("package id 'my package' is not allowed");
    }

    @Test
    void everyProblemInTheFileIsReportedAtOnce() throws IOException {
        config("""
            host: web-01
            colour: blue
            defaults:
              timeout: soon
              enabled: maybe
            packages:
              demo:
                report-only: perhaps
                extra: 1
            """);

        assertThat(problems.all()).extracting(ConfigProblem::key).containsExactlyInAnyOrder("colour",
            "defaults.timeout", "defaults.enabled", "packages.demo.report-only", "packages.demo.extra");
    }

    @Test
    void checkOptionsFallBackToPackageThenDefaultsThenBuiltIn() {
        CheckOptions check = options(null, null, Duration.ofSeconds(5), null);
        CheckOptions pack = options(null, true, Duration.ofSeconds(60), null);
        CheckOptions defaults = options(false, false, null, Duration.ofMinutes(10));

        CheckOptions effective = check.orElse(pack).orElse(defaults);

        assertThat(effective).isEqualTo(options(false, true, Duration.ofSeconds(5), Duration.ofMinutes(10)));
        assertThat(effective.get(Option.INTERVAL)).isEqualTo(new dev.medic.engine.schedule.Schedule.Every(Duration.ofMinutes(5)));
        assertThat(effective.isEnabled()).isFalse();
        assertThat(effective.isReportOnly()).isTrue();
    }

    @Test
    void inheritedOptionsResolveToTheBuiltInOnes() {
        CheckOptions nothing = CheckOptions.inherit();

        assertThat(nothing.find(Option.TIMEOUT)).isEmpty();
        assertThat(nothing.isEnabled()).isTrue();
        assertThat(nothing.isReportOnly()).isFalse();
        assertThat(nothing.checkTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(nothing.repairTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void checkConfigFallsBackFromTheInvocationNameToTheMethodName() {
        CheckConfig method = new CheckConfig(options(false, null, null, null), Map.of(), 1);
        CheckConfig invocation = new CheckConfig(options(true, null, null, null), Map.of(), 2);
        PackageConfig config = new PackageConfig(CheckOptions.inherit(), Map.of(),
            Map.of("Disk.hasRoom", method, "Disk.hasRoom[/var]", invocation), 0);

        assertThat(config.check("Disk.hasRoom[/var]", "Disk.hasRoom")).contains(invocation);
        assertThat(config.check("Disk.hasRoom[/tmp]", "Disk.hasRoom")).contains(method);
        assertThat(config.check("Disk.isMounted", "Disk.isMounted")).isEmpty();
    }
}
