package dev.medic.packages.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathTest {

    private static final Object DOCUMENT = Json.parse("""
        {"status": "UP", "checks": [{"name": "db", "ok": true}, {"name": "cache", "ok": null}],
         "db.primary": {"it's": 1}, "empty": {}}
        """);

    private static Object found(String path) {
        JsonPath.Lookup lookup = JsonPath.parse(path).lookup(DOCUMENT);
        assertThat(lookup).as("lookup of %s", path).isInstanceOf(JsonPath.Lookup.Found.class);
        return ((JsonPath.Lookup.Found) lookup).value();
    }

    private static String missing(String path) {
        JsonPath.Lookup lookup = JsonPath.parse(path).lookup(DOCUMENT);
        assertThat(lookup).as("lookup of %s", path).isInstanceOf(JsonPath.Lookup.Missing.class);
        return ((JsonPath.Lookup.Missing) lookup).why();
    }

    @Test
    void namesMembersIndexesAndQuotedNames() {
        assertThat(found("$.status")).isEqualTo("UP");
        assertThat(found("$.checks[0].name")).isEqualTo("db");
        assertThat(found("$['checks'][1]['name']")).isEqualTo("cache");
        assertThat(found("$[\"db.primary\"]['it\\'s']")).isEqualTo(BigDecimal.ONE);
        assertThat(found("$.checks[-1].name")).isEqualTo("cache");
        assertThat(found("$")).isSameAs(DOCUMENT);
    }

    @Test
    void aJsonNullIsFoundAsNull() {
        assertThat(found("$.checks[1].ok")).isNull();
    }

    @Test
    void saysWhereAMissingPathStops() {
        assertThat(missing("$.state")).isEqualTo("$ has no member 'state' (its members: status, checks, db.primary, empty)");
        assertThat(missing("$.empty.x")).isEqualTo("$.empty has no member 'x'");
        assertThat(missing("$.checks[2]")).isEqualTo("$.checks has 2 items, so no [2]");
        assertThat(missing("$.checks[-3]")).isEqualTo("$.checks has 2 items, so no [-3]");
        assertThat(missing("$.status.code")).isEqualTo("$.status is \"UP\" (a string), not an object with member 'code'");
        assertThat(missing("$.status[0]")).isEqualTo("$.status is \"UP\" (a string), not an array");
        assertThat(missing("$['db.primary'].x")).startsWith("$['db.primary'] has no member 'x'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "status                | must start with '$'",
        "$..status             | recursive descent",
        "$.*                   | wildcards are not supported",
        "$.checks[*]           | [*] is not supported",
        "$.checks[0:1]         | [0:1] is not supported",
        "$.checks[?(@.ok)]     | is not supported",
        "$.checks[0            | is not closed",
        "$.                    | must be followed by a member name",
        "$['open               | must end with '|",
        "$x                    | unexpected 'x'"})
    void refusesPathsThatSelectSeveralValuesOrAreMalformed(String path, String why) {
        assertThatThrownBy(() -> JsonPath.parse(path)).isInstanceOf(Json.JsonException.class)
            .hasMessageStartingWith("JSON path '" + path + "' is not supported: ").hasMessageContaining(why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.a", "$.a-b", "$['a b']", "$[0]", "$[-1]", "$.a[0][1].b"})
    void acceptsTheSupportedForms(String path) {
        assertThat(JsonPath.parse(path)).hasToString(path);
    }
}
