package dev.medic.packages.system.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.medic.api.SettingException;

class ByteSizeTest {

    @Test
    void plainNumbersAreBytes() {
        assertThat(ByteSize.parse("min-free-bytes", 1048576L)).isEqualTo(1048576L);
        assertThat(ByteSize.parse("min-free-bytes", "512")).isEqualTo(512L);
    }

    @Test
    void unitsAreBinaryHoweverTheyAreWritten() {
        assertThat(ByteSize.parse("k", "1K")).isEqualTo(1024L);
        assertThat(ByteSize.parse("k", "1KB")).isEqualTo(1024L);
        assertThat(ByteSize.parse("k", "512MiB")).isEqualTo(512L * 1024 * 1024);
        assertThat(ByteSize.parse("k", "1.5g")).isEqualTo(1536L * 1024 * 1024);
        assertThat(ByteSize.parse("k", "2 TiB")).isEqualTo(2L << 40);
    }

    @Test
    void somethingElseIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> ByteSize.parse("min-free-bytes", "lots")).isInstanceOf(SettingException.class)
            .hasMessageContaining("setting 'min-free-bytes' has value 'lots'");
        assertThatThrownBy(() -> ByteSize.parse("min-free-bytes", "-5")).isInstanceOf(SettingException.class);
    }

    @Test
    void formatsForPeople() {
        assertThat(ByteSize.format(512)).isEqualTo("512 B");
        assertThat(ByteSize.format(1536L * 1024 * 1024)).isEqualTo("1.5 GiB");
    }
}
