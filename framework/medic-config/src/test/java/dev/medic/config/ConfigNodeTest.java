package dev.medic.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigNodeTest {

    private final ConfigProblems problems = new ConfigProblems();

    private ConfigNode parse(String yaml) {
        return YamlFiles.parse(yaml, "medic.yml", problems);
    }

    @Test
    void toPlainConvertsScalarsToLongDoubleBooleanAndText() {
        Object plain = parse("""
            count: 3
            negative: -7
            ratio: 0.5
            enabled: true
            disabled: no
            name: web
            quoted: '3'
            nothing:
            """).toPlain();

        assertThat(plain).isInstanceOfSatisfying(Map.class, map -> {
            assertThat(map.get("count")).isEqualTo(3L);
            assertThat(map.get("negative")).isEqualTo(-7L);
            assertThat(map.get("ratio")).isEqualTo(0.5d);
            assertThat(map.get("enabled")).isEqualTo(Boolean.TRUE);
            assertThat(map.get("disabled")).isEqualTo(Boolean.FALSE);
            assertThat(map.get("name")).isEqualTo("web");
            assertThat(map.get("quoted")).isEqualTo("3");
            assertThat(map).containsKey("nothing");
            assertThat(map.get("nothing")).isNull();
        });
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void toPlainKeepsNestedMappingsAndListsInFileOrder() {
        Object plain = parse("""
            zeta: 1
            alpha:
              second: [3, b, 1.5, false]
              first:
                - {x: 1}
                - y
            middle: []
            """).toPlain();

        assertThat(plain).isInstanceOfSatisfying(Map.class, map -> {
            assertThat(map.keySet()).containsExactly("zeta", "alpha", "middle");
            assertThat(map.get("alpha")).isInstanceOfSatisfying(Map.class, alpha -> {
                assertThat(alpha.keySet()).containsExactly("second", "first");
                assertThat(alpha.get("second")).isEqualTo(Arrays.asList(3L, "b", 1.5d, false));
                assertThat(alpha.get("first")).isEqualTo(List.of(Map.of("x", 1L), "y"));
            });
            assertThat(map.get("middle")).isEqualTo(List.of());
        });
    }

    @Test
    void nodesKnowTheirPathFileAndLine() {
        ConfigNode root = parse("packages:\n  demo:\n    hosts: [a, b]\n");
        ConfigNode hosts = root.asMap().map("packages").map("demo").get("hosts").orElseThrow();

        assertThat(root.path()).isEmpty();
        assertThat(hosts.path()).isEqualTo("packages.demo.hosts");
        assertThat(hosts.file()).isEqualTo("medic.yml");
        assertThat(hosts.line()).isEqualTo(3);
        assertThat(hosts.isList()).isTrue();
        assertThat(hosts.asList()).extracting(ConfigNode::path)
            .containsExactly("packages.demo.hosts[0]", "packages.demo.hosts[1]");
    }

    @Test
    void describeNamesTheTypeTheValueResolvedTo() {
        ConfigMap map = parse("a: 1\nb: 1.5\nc: false\nd: x\ne: [1]\nf: {g: 1}\n").asMap();

        assertThat(map.entries().values()).extracting(ConfigNode::describe).containsExactly("the whole number 1",
            "the number 1.5", "the boolean false", "the text 'x'", "a list", "a mapping");
    }
}
