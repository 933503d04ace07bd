package dev.medic.packages.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatusCodesTest {

    @Test
    void theDefaultTreats1xxTo3xxAsUpAnd4xxAnd5xxAsDown() {
        StatusCodes codes = StatusCodes.parse(StatusCodes.DEFAULT);

        assertThat(List.of(100, 200, 204, 301, 399)).allMatch(codes::contains);
        assertThat(List.of(400, 404, 500, 503, 599)).noneMatch(codes::contains);
    }

    @Test
    void codesRangesAndClassesMix() {
        StatusCodes codes = StatusCodes.parse(List.of("200", " 301 - 302 ", "5XX"));

        assertThat(List.of(200, 301, 302, 500, 599)).allMatch(codes::contains);
        assertThat(List.of(201, 300, 303, 404)).noneMatch(codes::contains);
        assertThat(codes).hasToString("200, 301 - 302, 5XX");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ok", "99", "600", "2x", "299-200", "6xx", "200,204", ""})
    void refusesWhatIsNotACodeRangeOrClass(String entry) {
        assertThatThrownBy(() -> StatusCodes.parse(List.of(entry))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'" + entry + "'");
    }

    @Test
    void refusesAnEmptyList() {
        assertThatThrownBy(() -> StatusCodes.parse(List.of())).hasMessageContaining("expected-status is empty");
    }
}
