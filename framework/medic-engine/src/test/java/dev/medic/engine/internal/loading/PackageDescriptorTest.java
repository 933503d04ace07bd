package dev.medic.engine.internal.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.medic.config.ConfigProblem;
import dev.medic.config.ConfigProblems;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.Option;

class PackageDescriptorTest {

    private static final String DESCRIPTOR = """
        settings:
          port: 18080
          ratio: 0.5
          verbose: false
          name: web
          hosts: [a, b]
          headers: {accept: text/plain}
          unset:
          timeout:
            type: duration
            default: 30s
            description: How long to wait for an answer
          token:
            type: string
            required: true
            description: The API token
          retries:
            type: integer
            required: true
            default: 3
        defaults:
          timeout: 10s
          report-only: true
        checks:
          DemoChecks.answers:
            repair-timeout: 1m
          Disk.hasRoom[/var]:
            enabled: false
        """;

    private final ConfigProblems problems = new ConfigProblems();

    private PackageDescriptor parse(String yaml) {
        return PackageDescriptor.parse(yaml, "medic-package.yml", problems);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    @Test
    void settingsDeclaredByValueInferTheirType() {
        PackageDescriptor descriptor = parse(DESCRIPTOR);

        assertThat(problems.all()).isEmpty();
        assertThat(descriptor.settings()).containsKeys("port", "ratio", "verbose", "name", "hosts", "headers", "unset");
        assertThat(descriptor.settings().get("port"))
            .isEqualTo(new SettingSpec("port", SettingType.INTEGER, Optional.of(18080L), false, ""));
        assertThat(descriptor.settings().get("ratio").type()).isEqualTo(SettingType.NUMBER);
        assertThat(descriptor.settings().get("verbose").type()).isEqualTo(SettingType.BOOLEAN);
        assertThat(descriptor.settings().get("name").type()).isEqualTo(SettingType.STRING);
        assertThat(descriptor.settings().get("hosts").type()).isEqualTo(SettingType.LIST);
        assertThat(descriptor.settings().get("headers").type()).isEqualTo(SettingType.MAP);
        assertThat(descriptor.settings().get("unset"))
            .isEqualTo(new SettingSpec("unset", SettingType.STRING, Optional.empty(), false, ""));
    }

    @Test
    void fullDeclarationsGiveTypeDefaultRequiredAndDescription() {
        PackageDescriptor descriptor = parse(DESCRIPTOR);

        assertThat(descriptor.settings().get("timeout")).isEqualTo(new SettingSpec("timeout", SettingType.DURATION,
            Optional.of("30s"), false, "How long to wait for an answer"));
        assertThat(descriptor.settings().get("token"))
            .isEqualTo(new SettingSpec("token", SettingType.STRING, Optional.empty(), true, "The API token"));
        assertThat(descriptor.settings().keySet()).containsExactly("port", "ratio", "verbose", "name", "hosts",
            "headers", "unset", "timeout", "token", "retries");
    }

    @Test
    void defaultSettingsHoldTheDeclaredDefaults() {
        PackageDescriptor descriptor = parse(DESCRIPTOR);

        assertThat(descriptor.defaultSettings().getInt("port")).isEqualTo(18080);
        assertThat(descriptor.defaultSettings().getDuration("timeout")).isEqualTo(Duration.ofSeconds(30));
        assertThat(descriptor.defaultSettings().getList("hosts")).containsExactly("a", "b");
        assertThat(descriptor.defaultSettings().has("token")).isFalse();
        assertThat(descriptor.defaultSettings().has("unset")).isFalse();
    }

    @Test
    void packageDefaultsAndCheckOptionsAreRead() {
        PackageDescriptor descriptor = parse(DESCRIPTOR);

        assertThat(descriptor.defaults()).isEqualTo(CheckOptions.inherit().with(Option.REPORT_ONLY, true)
            .with(Option.TIMEOUT, Duration.ofSeconds(10)));
        assertThat(descriptor.checkOptions("DemoChecks.answers", "DemoChecks.answers").find(Option.REPAIR_TIMEOUT))
            .contains(Duration.ofMinutes(1));
        assertThat(descriptor.checkOptions("Disk.hasRoom[/var]", "Disk.hasRoom").find(Option.ENABLED)).contains(false);
        assertThat(descriptor.checkOptions("Disk.hasRoom[/tmp]", "Disk.hasRoom")).isEqualTo(CheckOptions.inherit());
        assertThat(descriptor.checkOptions("DemoChecks.answers[1]", "DemoChecks.answers").find(Option.REPAIR_TIMEOUT))
            .contains(Duration.ofMinutes(1));
    }

    @Test
    void wrongDefaultTypeIsReportedWithItsKeyAndLine() {
        parse("""
            settings:
              port:
                type: integer
                default: lots
              wait:
                type: duration
                default: soon
            """);

        assertThat(problems.all()).extracting(ConfigProblem::key, ConfigProblem::line, ConfigProblem::message)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("settings.port.default", 4,
                    "value 'lots' is not allowed; expected a whole number"),
                org.assertj.core.groups.Tuple.tuple("settings.wait.default", 7,
                    "value 'soon' is not allowed; expected " + dev.medic.api.internal.Durations.ALLOWED));
        assertThat(problems.all()).allMatch(problem -> problem.file().equals("medic-package.yml"));
    }

    @Test
    void unknownTypeAndUnknownSpecKeyAreReported() {
        PackageDescriptor descriptor = parse("""
            settings:
              port:
                type: int
                descripton: the port
            """);

        assertThat(problems.all()).extracting(ConfigProblem::key).containsExactlyInAnyOrder("settings.port.type",
            "settings.port.descripton");
        assertThat(problems.all()).anySatisfy(problem -> assertThat(problem.message())
            .contains("one of string, integer, number, boolean, duration, path, list, map"));
        assertThat(descriptor.settings()).containsKey("port");
    }

    @Test
    void unknownTopLevelKeyOfTheDescriptorIsReported() {
        parse("setings:\n  port: 1\n");

        assertThat(problems.all()).singleElement().satisfies(problem -> assertThat(problem.message())
            .isEqualTo("unknown key 'setings'; allowed here: settings, defaults, checks"));
    }

    @Test
    void duplicateKeyInAFullDeclarationIsReportedOnce() {
        parse("settings:\n  port: {type: integer, type: string}\n  hosts: {a: 1, a: 2}\n");

        assertThat(problems.all()).extracting(ConfigProblem::key).containsExactly("settings.port.type",
            "settings.hosts.a");
    }

    @Test
    void configuredSettingsThatMatchTheDeclarationsHaveNoProblems() {
        PackageDescriptor descriptor = parse(DESCRIPTOR);

        assertThat(descriptor.problemsWith(map("token", "secret", "port", 8080L, "ratio", 1L, "hosts", List.of(),
            "timeout", "PT1M", "name", 7L, "retries", null))).isEmpty();
    }

    @Test
    void unknownSettingIsReportedListingTheDeclaredOnes() {
        PackageDescriptor descriptor = parse("settings:\n  port: 80\n  host: localhost\n");

        assertThat(descriptor.problemsWith(map("prot", 8080L)))
            .containsExactly("unknown setting 'prot'; this package's settings are: port, host");
    }

    @Test
    void wrongTypeIsReportedNamingTheSettingAndTheExpectedType() {
        PackageDescriptor descriptor = parse(DESCRIPTOR);

        assertThat(descriptor.problemsWith(map("token", "t", "port", "eighty", "verbose", "yes please", "hosts", "a",
            "timeout", 30L))).containsExactly(
                "setting 'port': value 'eighty' is not allowed; expected a whole number",
                "setting 'verbose': value 'yes please' is not allowed; expected true or false",
                "setting 'hosts': value 'a' is not allowed; expected a list",
                "setting 'timeout': value '30' is not allowed; expected " + dev.medic.api.internal.Durations.ALLOWED);
    }

    @Test
    void missingRequiredSettingIsReportedWithItsTypeAndDescription() {
        PackageDescriptor descriptor = parse(DESCRIPTOR);

        assertThat(descriptor.problemsWith(Map.of()))
            .containsExactly("setting 'token' is required (a text value): The API token");
        assertThat(descriptor.problemsWith(map("token", null)))
            .containsExactly("setting 'token' is required (a text value): The API token");
    }

    @Test
    void packageDeclaringNoSettingsAcceptsAny() {
        assertThat(PackageDescriptor.none().problemsWith(map("anything", "goes", "port", List.of()))).isEmpty();
        assertThat(parse("defaults:\n  timeout: 5s\n").problemsWith(map("anything", 1L))).isEmpty();
        assertThat(problems.all()).isEmpty();
    }
}
