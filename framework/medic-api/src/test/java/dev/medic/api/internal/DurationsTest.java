package dev.medic.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void operatorFormsAreParsed() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
        assertThat(Durations.parse("1d")).contains(Duration.ofDays(1));
        assertThat(Durations.parse("1m30s")).contains(Duration.ofSeconds(90));
        assertThat(Durations.parse(" 1H5M ")).contains(Duration.ofMinutes(65));
    }

    @Test
    void isoFormIsParsedInAnyCase() {
        assertThat(Durations.parse("PT2S")).contains(Duration.ofSeconds(2));
        assertThat(Durations.parse("pt1m30s")).contains(Duration.ofSeconds(90));
        assertThat(Durations.parse("P1DT1H")).contains(Duration.ofHours(25));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "30", "1x", "s", "1m 30s", "-5s", "1.5s", "PT", "P1Y"})
    void anythingElseIsNotADuration(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999s", "9223372036854775807d", "106751991167301d1d"})
    void numbersTooLargeForADurationAreNotADurationRatherThanAnException(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "250ms", "30s", "1m30s", "2h", "1d", "1d2h3m4s5ms", "1s1ms"})
    void formatWritesWhatParseReads(String text) {
        Duration duration = Durations.parse(text).orElseThrow();

        assertThat(Durations.format(duration)).isEqualTo(text);
    }

    @Test
    void formatUsesTheShortestForm() {
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.format(Duration.ofMinutes(60))).isEqualTo("1h");
        assertThat(Durations.format(Duration.ofHours(49))).isEqualTo("2d1h");
    }

    @Test
    void durationsFinerThanMillisecondsOrNegativeStillFormatToSomethingParseReads() {
        for (Duration duration : new Duration[] {Duration.ofNanos(1500), Duration.ofMillis(1).plusNanos(1),
                Duration.ofSeconds(-5), Duration.ofMillis(-1500)}) {
            String text = Durations.format(duration);

            assertThat(text).as("format of " + duration).isNotEmpty();
            assertThat(Durations.parse(text)).as("parse of " + text).contains(duration);
        }
    }
}
