package dev.medic.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TextCodecTest {

    @Test
    void listsReadBackExactlyWhateverTheirLinesHold() {
        for (List<String> list : List.of(List.<String>of(), List.of(""), List.of("", ""), List.of("a\nb", "c\r\n"),
                List.of("\\", "\\n", "=", "a=b", "trailing\\"))) {
            assertThat(TextCodec.decodeList(TextCodec.encodeList(list))).as("%s", list).isEqualTo(list);
        }
    }

    @Test
    void mapsReadBackExactlyWhateverTheirKeysAndValuesHold() {
        for (Map<String, String> map : List.of(Map.<String, String>of(), Map.of("", ""), Map.of("a=b", "c=d"),
                Map.of("key\\", "=value", "line\nfeed", "\r\n", "\\=", "\\"))) {
            assertThat(TextCodec.decodeMap(TextCodec.encodeMap(map))).as("%s", map).isEqualTo(map);
        }
    }

    @Test
    void anEmptyListAndAListOfOneEmptyLineAreWrittenDifferently() {
        assertThat(TextCodec.encodeList(List.of())).isNotEqualTo(TextCodec.encodeList(List.of("")));
    }

    @Test
    void mapsAreWrittenOneSortedKeyValueLineEach() {
        assertThat(TextCodec.encodeMap(Map.of("b", "2", "a", "1=one"))).isEqualTo("a=1=one\nb=2\n");
    }

    @Test
    void textThatWasNotWrittenByTheCodecIsRefused() {
        assertThatThrownBy(() -> TextCodec.decodeList("no final line feed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextCodec.decodeMap("no separator\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextCodec.decodeList("bad \\x escape\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
