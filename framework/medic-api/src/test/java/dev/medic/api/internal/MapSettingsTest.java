package dev.medic.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.medic.api.SettingException;
import dev.medic.api.Settings;

class MapSettingsTest {

    private static Settings settings(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return MapSettings.of(values);
    }

    @Test
    void intIsReadFromTheLongThatYamlProduces() {
        Settings settings = settings("port", 8080L, "text", " 42 ");

        assertThat(settings.getInt("port")).isEqualTo(8080);
        assertThat(settings.get("port", int.class)).isEqualTo(8080);
        assertThat(settings.getInt("text")).isEqualTo(42);
        assertThat(settings.getLong("port")).isEqualTo(8080L);
    }

    @Test
    void intOutOfRangeIsRefusedNamingKeyValueAndExpectedType() {
        Settings settings = settings("port", 3_000_000_000L);

        assertThatThrownBy(() -> settings.getInt("port")).isInstanceOf(SettingException.class)
            .hasMessage("setting 'port' has value '3000000000'; expected a whole number between -2147483648 and 2147483647");
        assertThat(settings.getLong("port")).isEqualTo(3_000_000_000L);
    }

    @Test
    void decimalIsNotAWholeNumber() {
        Settings settings = settings("workers", 1.5d);

        assertThatThrownBy(() -> settings.getInt("workers")).isInstanceOf(SettingException.class)
            .hasMessageContaining("'workers'").hasMessageContaining("'1.5'");
        assertThatThrownBy(() -> settings.getLong("workers")).hasMessageEndingWith("expected a whole number");
        assertThat(settings.get("workers", double.class)).isEqualTo(1.5d);
    }

    @Test
    void booleansAcceptYesNoOnOffAndTrueFalse() {
        Settings settings = settings("a", "yes", "b", "no", "c", "On", "d", "off", "e", true, "f", " FALSE ");

        assertThat(List.of("a", "b", "c", "d", "e", "f")).map(settings::getBoolean)
            .containsExactly(true, false, true, false, true, false);
    }

    @Test
    void anythingElseIsNotABoolean() {
        Settings settings = settings("verbose", "maybe", "count", 1L);

        assertThatThrownBy(() -> settings.getBoolean("verbose"))
            .hasMessage("setting 'verbose' has value 'maybe'; expected true or false");
        assertThatThrownBy(() -> settings.getBoolean("count")).isInstanceOf(SettingException.class);
    }

    @Test
    void durationsAreReadInEveryAcceptedForm() {
        Settings settings = settings("a", "1m30s", "b", "PT2S", "c", "500ms", "d", Duration.ofHours(1).toString());

        assertThat(settings.getDuration("a")).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.getDuration("b")).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.getDuration("c")).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.getDuration("d")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void durationWithoutAUnitIsRefusedListingTheAcceptedForms() {
        Settings settings = settings("timeout", 30L, "wait", "soon");

        assertThatThrownBy(() -> settings.getDuration("timeout"))
            .hasMessage("setting 'timeout' has value '30'; expected " + Durations.ALLOWED);
        assertThatThrownBy(() -> settings.getDuration("wait")).hasMessageContaining("'soon'");
    }

    @Test
    void pathsAreReadFromText() {
        Settings settings = settings("dir", "/var/lib/medic", "port", 1L);

        assertThat(settings.get("dir", Path.class)).isEqualTo(Path.of("/var/lib/medic"));
        assertThatThrownBy(() -> settings.get("port", Path.class)).isInstanceOf(SettingException.class);
    }

    @Test
    void textIsReadFromAnyScalarButNotFromASection() {
        Settings settings = settings("name", "web", "port", 80L, "http", Map.of("a", 1L));

        assertThat(settings.get("name")).isEqualTo("web");
        assertThat(settings.get("port")).isEqualTo("80");
        assertThatThrownBy(() -> settings.get("http")).hasMessageEndingWith("expected a text value");
    }

    @Test
    void listsAreReadAsTextsAndASingleValueIsAOneElementList() {
        Settings settings = settings("hosts", List.of("a", 2L, true), "host", "b", "targets", List.of(Map.of("x", 1L)));

        assertThat(settings.getList("hosts")).containsExactly("a", "2", "true");
        assertThat(settings.getList("host")).containsExactly("b");
        assertThat(settings.getList("absent")).isEmpty();
        assertThat(settings.get("host", List.class)).isEqualTo(List.of("b"));
        assertThatThrownBy(() -> settings.getList("targets")).hasMessageContaining("expected a list of texts");
    }

    @Test
    void sectionsAreReadFromNestedMappings() {
        Settings settings = settings("http", Map.of("port", 80L, "headers", Map.of("accept", "text/plain")));

        Settings http = settings.section("http");

        assertThat(http.getInt("port")).isEqualTo(80);
        assertThat(http.section("headers").get("accept")).isEqualTo("text/plain");
        assertThat(settings.section("absent").keys()).isEmpty();
    }

    @Test
    void sectionOfAScalarIsRefused() {
        Settings settings = settings("http", "on");

        assertThatThrownBy(() -> settings.section("http"))
            .hasMessage("setting 'http' has value 'on'; expected a section of keys and values");
    }

    @Test
    void sectionsAreReadFromAListOfMappings() {
        Settings settings = settings("targets", List.of(Map.of("host", "a"), Map.of("host", "b")));

        assertThat(settings.sections("targets")).map(target -> target.get("host")).containsExactly("a", "b");
        assertThat(settings.sections("absent")).isEmpty();
    }

    @Test
    void sectionsOfANonListAreRefused() {
        Settings settings = settings("targets", Map.of("host", "a"), "mixed", List.of(Map.of("host", "a"), "b"));

        assertThatThrownBy(() -> settings.sections("targets")).isInstanceOf(SettingException.class)
            .hasMessageContaining("'targets'").hasMessageEndingWith("expected a list of sections");
        assertThatThrownBy(() -> settings.sections("mixed")).isInstanceOf(SettingException.class)
            .hasMessageContaining("each item a map");
    }

    @Test
    void missingSettingIsReportedWithTheSettingsThatArePresent() {
        Settings settings = settings("host", "a", "port", 1L);

        assertThat(settings.find("user", String.class)).isEmpty();
        assertThat(settings.find("port", int.class)).contains(1);
        assertThatThrownBy(() -> settings.get("user")).isInstanceOf(SettingException.class)
            .hasMessageContaining("setting 'user' has no value").hasMessageContaining("settings present: host, port");
    }

    @Test
    void nullValuesAreAbsent() {
        Settings settings = settings("host", null, "port", 1L);

        assertThat(settings.has("host")).isFalse();
        assertThat(settings.keys()).containsExactly("port");
    }

    @Test
    void unsupportedTypeIsRefusedListingTheSupportedOnes() {
        Settings settings = settings("ratio", 0.5d);

        assertThatThrownBy(() -> settings.get("ratio", Float.class)).isInstanceOf(SettingException.class)
            .hasMessageContaining("cannot be read as Float").hasMessageContaining("supported types: String, int");
    }

    @Test
    void overriddenByReplacesKeyByKeyAndKeepsTheRest() {
        Settings defaults = settings("host", "localhost", "port", 80L, "http", Map.of("a", 1L, "b", 2L));
        Settings configured = settings("port", 8080L, "user", "medic");

        Settings merged = defaults.overriddenBy(configured);

        assertThat(merged.asMap()).containsExactly(Map.entry("host", "localhost"), Map.entry("port", 8080L),
            Map.entry("http", Map.of("a", 1L, "b", 2L)), Map.entry("user", "medic"));
        assertThat(defaults.getInt("port")).isEqualTo(80);
        assertThat(defaults.has("user")).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void valuesAreCopiedAndCannotBeChanged() {
        List<Object> hosts = new ArrayList<>(List.of("a"));
        Map<String, Object> http = new LinkedHashMap<>(Map.of("port", 80L));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("hosts", hosts);
        values.put("http", http);
        Settings settings = MapSettings.of(values);

        hosts.add("b");
        http.put("port", 81L);
        values.put("extra", "x");

        assertThat(settings.getList("hosts")).containsExactly("a");
        assertThat(settings.section("http").getInt("port")).isEqualTo(80);
        assertThat(settings.has("extra")).isFalse();
        Map<String, Object> map = settings.asMap();
        assertThatThrownBy(() -> map.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) map.get("hosts")).add("c"))
            .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((Map<String, Object>) map.get("http")).clear())
            .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void relativePathsAreReadAgainstTheConfigurationsDirectoryInSectionsAndTargetsToo() {
        Settings settings = MapSettings.withPathsFrom(MapSettings.of(Map.of(
            "log", "logs/app.log",
            "absolute", "/var/log/app.log",
            "backup", Map.of("path", "../backups"),
            "targets", List.of(Map.of("name", "a", "path", "./data/a")))), Path.of("/etc/medic"));

        assertThat(settings.get("log", Path.class)).isEqualTo(Path.of("/etc/medic/logs/app.log"));
        assertThat(settings.get("absolute", Path.class)).isEqualTo(Path.of("/var/log/app.log"));
        assertThat(settings.section("backup").get("path", Path.class)).isEqualTo(Path.of("/etc/backups"));
        assertThat(settings.sections("targets").get(0).get("path", Path.class)).isEqualTo(Path.of("/etc/medic/data/a"));
        assertThat(settings.overriddenBy(Settings.of(Map.of("log", "other.log"))).get("log", Path.class))
            .isEqualTo(Path.of("/etc/medic/other.log"));
        assertThat(settings.get("log", String.class)).as("the text itself is unchanged").isEqualTo("logs/app.log");
    }

    @Test
    void aTildeIsTheHomeDirectoryAndWithoutABaseRelativePathsStayRelative() {
        assertThat(MapSettings.of(Map.of("p", "~/x")).get("p", Path.class).toString()).doesNotStartWith("~").endsWith("/x");
        assertThat(MapSettings.of(Map.of("p", "data/x")).get("p", Path.class)).isEqualTo(Path.of("data/x"));
    }

    @Test
    void withoutLeavesOutOneKeyAndKeepsTheBaseDirectory() {
        Settings settings = MapSettings.withPathsFrom(MapSettings.of(Map.of("targets", List.of(Map.of("name", "a")),
            "log", "app.log")), Path.of("/etc/medic"));

        Settings rest = settings.without("targets");

        assertThat(rest.keys()).containsExactly("log");
        assertThat(rest.get("log", Path.class)).isEqualTo(Path.of("/etc/medic/app.log"));
        assertThat(settings.has("targets")).as("the original is unchanged").isTrue();
    }
}
