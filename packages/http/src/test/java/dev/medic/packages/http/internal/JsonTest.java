package dev.medic.packages.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsEveryKindOfValue() {
        Map<?, ?> document = (Map<?, ?>) Json.parse(" {\"s\": \"text\", \"n\": -12.5e1, \"i\": 0, \"t\": true,"
            + " \"f\": false, \"z\": null, \"a\": [1, [], {}], \"o\": {\"k\": \"v\"}} ");

        assertThat(document.get("s")).isEqualTo("text");
        assertThat(document.get("n")).isEqualTo(new BigDecimal("-12.5e1"));
        assertThat(document.get("i")).isEqualTo(BigDecimal.ZERO);
        assertThat(document.get("t")).isEqualTo(true);
        assertThat(document.get("f")).isEqualTo(false);
        assertThat(document.containsKey("z")).isTrue();
        assertThat(document.get("z")).isNull();
        assertThat(document.get("a")).isEqualTo(List.of(BigDecimal.ONE, List.of(), Map.of()));
        assertThat(document.get("o")).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void keepsMembersInDocumentOrder() {
        Map<?, ?> object = (Map<?, ?>) Json.parse("{\"b\": 1, \"a\": 2, \"c\": 3}");

        assertThat(List.<Object>copyOf(object.keySet())).containsExactly("b", "a", "c");
    }

    @Test
    void decodesEscapesIncludingSurrogatePairs() {
        assertThat(Json.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00\""))
            .isEqualTo("q\" b\\ s/ \b\f\n\r\t é 😀");
    }

    @Test
    void readsTopLevelScalars() {
        assertThat(Arrays.asList(Json.parse("42"), Json.parse("\"x\""), Json.parse("true"), Json.parse("null")))
            .containsExactly(new BigDecimal("42"), "x", true, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\":1,}", "{'a':1}", "01", "1.", "-", "1e", "tru", "nul",
        "\"open", "\"bad \\x escape\"", "\"\\u12\"", "[1 2]", "{\"a\" 1}", "{} {}", "<html>", "NaN", "\"tab\there\""})
    void refusesWhatIsNotJson(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(Json.JsonException.class)
            .hasMessageStartingWith("not valid JSON at character ");
    }

    @Test
    void namesThePositionOfTheProblem() {
        assertThatThrownBy(() -> Json.parse("{\"a\": tru}")).hasMessage("not valid JSON at character 7: unexpected word; expected true");
    }

    @Test
    void refusesNestingDeeperThanTheLimitInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        String allowed = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);

        assertThatThrownBy(() -> Json.parse(deep)).hasMessageContaining("nested deeper than " + Json.MAX_DEPTH);
        assertThat(Json.parse(allowed)).isInstanceOf(List.class);
    }
}
