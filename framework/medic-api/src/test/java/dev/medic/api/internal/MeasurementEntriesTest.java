package dev.medic.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.medic.api.Measurements;

class MeasurementEntriesTest {

    @Test
    void encodedMeasurementDecodesToTheSameNameValueAndTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("mount", "/var");
        tags.put("device.kind", "ssd");

        Map<String, String> entry = MeasurementEntries.encode("disk.free_bytes", 1.5e9, tags);

        assertThat(entry).containsEntry(MeasurementEntries.NAME, "disk.free_bytes")
            .containsEntry("medic.tag.mount", "/var");
        assertThat(MeasurementEntries.decode(entry))
            .contains(new MeasurementEntries.Entry("disk.free_bytes", 1.5e9, Map.of("mount", "/var", "device.kind", "ssd")));
    }

    @Test
    void negativeAndZeroValuesSurviveTheRoundTrip() {
        for (double value : new double[] {0, -0.25, Double.MAX_VALUE, Double.MIN_VALUE}) {
            assertThat(MeasurementEntries.decode(MeasurementEntries.encode("m", value, Map.of())))
                .map(MeasurementEntries.Entry::value).contains(value);
        }
    }

    @Test
    void entriesThatAreNotMeasurementsAreNotDecoded() {
        assertThat(MeasurementEntries.decode(Map.of("note", "hello"))).isEmpty();
        assertThat(MeasurementEntries.decode(Map.of(MeasurementEntries.NAME, "m"))).isEmpty();
        assertThat(MeasurementEntries.decode(Map.of(MeasurementEntries.NAME, "m", "medic.value", "lots"))).isEmpty();
    }

    @Test
    void badNamesAreRefusedNamingTheName() {
        for (String name : new String[] {"disk free", "", "a/b", "x".repeat(129)}) {
            assertThatThrownBy(() -> MeasurementEntries.encode(name, 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("measurement name '" + name + "' is not allowed; use 1 to 128 letters, digits, '_', '.' or '-'");
        }
        assertThatThrownBy(() -> MeasurementEntries.encode(null, 1, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void notANumberAndInfinityAreRefused() {
        assertThatThrownBy(() -> MeasurementEntries.encode("latency", Double.NaN, Map.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("measurement 'latency' has value NaN; expected a finite number");
        assertThatThrownBy(() -> MeasurementEntries.encode("latency", Double.POSITIVE_INFINITY, Map.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
    }

    @Test
    void tooManyTagsAreRefusedButTheMaximumIsAccepted() {
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < Measurements.MAX_TAGS; i++) {
            tags.put("t" + i, "v");
        }
        assertThat(MeasurementEntries.encode("m", 1, tags)).hasSize(2 + Measurements.MAX_TAGS);

        tags.put("one-more", "v");

        assertThatThrownBy(() -> MeasurementEntries.encode("m", 1, tags)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("measurement 'm' has " + (Measurements.MAX_TAGS + 1) + " tags; at most " + Measurements.MAX_TAGS
                + " are allowed");
    }

    @Test
    void blankOrOverlongTagValuesAreRefused() {
        assertThatThrownBy(() -> MeasurementEntries.encode("m", 1, Map.of("mount", "  ")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("tag 'mount' of measurement 'm' has value '  '; expected 1 to 256 characters");
        assertThatThrownBy(() -> MeasurementEntries.encode("m", 1, Map.of("mount", "x".repeat(257))))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(MeasurementEntries.encode("m", 1, Map.of("mount", "x".repeat(256)))).hasSize(3);
    }

    @Test
    void badTagKeysAreRefused() {
        assertThatThrownBy(() -> MeasurementEntries.encode("m", 1, Map.of("mount point", "/var")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("tag key of measurement 'm' 'mount point' is not allowed");
    }
}
