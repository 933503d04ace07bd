package dev.medic.packages.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void numbersCompareByValueWhateverTheirForm() {
        assertThat(JsonValues.matches(1, Json.parse("1.0"))).isTrue();
        assertThat(JsonValues.matches(100L, Json.parse("1e2"))).isTrue();
        assertThat(JsonValues.matches(0.1, Json.parse("0.1"))).isTrue();
        assertThat(JsonValues.matches(new BigInteger("12345678901234567890"), Json.parse("12345678901234567890"))).isTrue();
        assertThat(JsonValues.matches(2, Json.parse("2.5"))).isFalse();
        assertThat(JsonValues.matches(Double.NaN, Json.parse("0"))).isFalse();
    }

    @Test
    void typesMustMatch() {
        assertThat(JsonValues.matches(200, Json.parse("\"200\""))).isFalse();
        assertThat(JsonValues.matches("true", Json.parse("true"))).isFalse();
        assertThat(JsonValues.matches(true, Json.parse("true"))).isTrue();
        assertThat(JsonValues.matches("UP", Json.parse("\"UP\""))).isTrue();
        assertThat(JsonValues.matches("UP", Json.parse("null"))).isFalse();
    }

    @Test
    void arraysAndObjectsCompareDeeply() {
        Object document = Json.parse("{\"a\": [1, {\"b\": \"c\"}], \"d\": {}}");

        assertThat(JsonValues.matches(Map.of("a", List.of(1, Map.of("b", "c")), "d", Map.of()), document)).isTrue();
        assertThat(JsonValues.matches(Map.of("a", List.of(1, Map.of("b", "c"))), document)).as("a member too few").isFalse();
        assertThat(JsonValues.matches(List.of(1, 2), Json.parse("[2, 1]"))).as("order counts").isFalse();
        assertThat(JsonValues.matches(List.of(1), Json.parse("[1, 1]"))).isFalse();
    }

    @Test
    void describesValuesAsJsonWithTheirKind() {
        assertThat(JsonValues.describe("200")).isEqualTo("\"200\" (a string)");
        assertThat(JsonValues.describe(Json.parse("2.50"))).isEqualTo("2.50 (a number)");
        assertThat(JsonValues.describe(null)).isEqualTo("null (null)");
        assertThat(JsonValues.describe(Json.parse("{\"a\": [true, \"x\\ny\"]}"))).isEqualTo("{\"a\":[true,\"x\\ny\"]} (an object)");
    }

    @Test
    void rendersHugeValuesCut() {
        String rendered = JsonValues.render(Json.parse("[" + "1,".repeat(5000) + "1]"));

        assertThat(rendered).hasSizeLessThan(260).endsWith("...");
    }
}
