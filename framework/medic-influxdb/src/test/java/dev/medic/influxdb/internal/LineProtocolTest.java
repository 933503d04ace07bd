package dev.medic.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class LineProtocolTest {

    private static final Instant T = Instant.ofEpochMilli(1_700_000_000_123L);

    @Test
    void writesMeasurementSortedTagsFieldsAndMillisecondTimestamp() {
        String line = LineProtocol.point("m").tag("b", "2").tag("a", "1").field("n", 3).field("x", 1.5).field("s", "hi").at(T);

        assertThat(line).isEqualTo("m,a=1,b=2 n=3i,x=1.5,s=\"hi\" 1700000000123");
    }

    @Test
    void escapesCommasEqualsAndSpacesInNamesAndTagValues() {
        String line = LineProtocol.point("my measure,x").tag("tag key", "a=b, c").field("field,key", 1).at(T);

        assertThat(line).isEqualTo("my\\ measure\\,x,tag\\ key=a\\=b\\,\\ c field\\,key=1i 1700000000123");
    }

    @Test
    void escapesQuotesAndBackslashesInStringFieldsAndKeepsLineBreaks() {
        String line = LineProtocol.point("m").field("message", "said \"no\"\nat C:\\temp").at(T);

        assertThat(line).isEqualTo("m message=\"said \\\"no\\\"\nat C:\\\\temp\" 1700000000123");
    }

    @Test
    void leavesOutEmptyTagValuesWhichLineProtocolCannotHold() {
        assertThat(LineProtocol.point("m").tag("empty", "").tag("none", null).field("v", 1).at(T))
            .isEqualTo("m v=1i 1700000000123");
    }

    @Test
    void lineBreaksInTagsBecomeEscapedSpacesAndATrailingBackslashIsDoubled() {
        assertThat(LineProtocol.point("m").tag("t", "a\nb\\").field("v", 1).at(T))
            .isEqualTo("m,t=a\\ b\\\\ v=1i 1700000000123");
    }

    @Test
    void writesFloatsWithoutAnExponent() {
        assertThat(LineProtocol.point("m").field("big", 1.0e20).field("small", 1.5e-7).at(T))
            .isEqualTo("m big=100000000000000000000,small=0.00000015 1700000000123");
    }

    @Test
    void refusesNotANumberAndAPointWithoutFields() {
        assertThatThrownBy(() -> LineProtocol.point("m").field("v", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LineProtocol.point("m").tag("a", "b").at(T)).isInstanceOf(IllegalStateException.class);
    }
}
