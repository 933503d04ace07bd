package dev.medic.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlFilesTest {

    /** Counts instantiations, so that a test can prove a tag never built an object. */
    public static final class Trap {
        static final AtomicInteger BUILT = new AtomicInteger();
        private String name;

        public Trap() {
            BUILT.incrementAndGet();
        }

        public Trap(String name) {
            this();
            this.name = name;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    private final ConfigProblems problems = new ConfigProblems();

    @TempDir
    Path dir;

    @BeforeEach
    void resetTrap() {
        Trap.BUILT.set(0);
    }

    private ConfigNode parse(String yaml) {
        return YamlFiles.parse(yaml, "medic.yml", problems);
    }

    @Test
    void syntaxErrorIsReportedWithFileLineAndColumn() {
        ConfigNode root = parse("host: web-01\n  environment: production\n");

        assertThat(problems.all()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("medic.yml");
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.column()).isEqualTo(14);
            assertThat(problem.message()).startsWith("not valid YAML: ").contains("mapping values are not allowed");
        });
        assertThat(root.asMap().entries()).isEmpty();
    }

    @Test
    void aFileIsReportedUnderTheNameTheUserGaveIt() throws IOException {
        Path file = dir.resolve("medic.yml");
        Files.writeString(file, "a: [1, 2\n");

        YamlFiles.load(file, "etc/medic.yml", problems);

        assertThat(problems.all()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("etc/medic.yml");
            assertThat(problem.line()).isPositive();
            assertThat(problem.toString()).startsWith("etc/medic.yml:" + problem.line() + ":");
        });
    }

    @Test
    void aMissingFileIsReportedAndReadAsAnEmptyMapping() {
        ConfigNode root = YamlFiles.load(dir.resolve("absent.yml"), "absent.yml", problems);

        assertThat(problems.all()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("absent.yml");
            assertThat(problem.message()).startsWith("cannot read the file");
        });
        assertThat(root.asMap().entries()).isEmpty();
    }

    @Test
    void anEmptyFileIsAnEmptyMapping() throws IOException {
        Path file = dir.resolve("empty.yml");
        Files.writeString(file, "");

        ConfigNode root = YamlFiles.load(file, "empty.yml", problems);

        assertThat(root.isMapping()).isTrue();
        assertThat(root.asMap().entries()).isEmpty();
        assertThat(root.toPlain()).isEqualTo(Map.of());
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void aFileWithOnlyCommentsIsAnEmptyMapping() {
        ConfigNode root = parse("# nothing configured yet\n\n");

        assertThat(root.asMap(List.of("host")).entries()).isEmpty();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void javaClassTagOnAListIsRefusedAndNeverInstantiated() {
        ConfigNode root = parse("""
            engine: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://localhost/"]]]]
            trap: !!dev.medic.config.YamlFilesTest$Trap [x]
            """);
        Object plain = root.toPlain();

        assertThat(problems.isEmpty()).as("a problem is reported").isFalse();
        assertThat(Trap.BUILT).hasValue(0);
        assertThat(containsOnlyPlainValues(plain)).as("only plain values in " + plain).isTrue();
    }

    @Test
    void javaClassTagOnAMappingIsRefusedAndNeverInstantiated() {
        ConfigNode root = parse("trap: !!dev.medic.config.YamlFilesTest$Trap {name: x}\n");
        Object plain = root.toPlain();

        assertThat(problems.isEmpty()).as("a problem is reported").isFalse();
        assertThat(Trap.BUILT).hasValue(0);
        assertThat(containsOnlyPlainValues(plain)).as("only plain values in " + plain).isTrue();
    }

    @Test
    void javaClassTagOnAScalarIsRefusedAndNeverInstantiated() {
        ConfigNode root = parse("trap: !!dev.medic.config.YamlFilesTest$Trap x\n");
        Object plain = root.toPlain();

        assertThat(problems.isEmpty()).as("a problem is reported").isFalse();
        assertThat(Trap.BUILT).hasValue(0);
        assertThat(containsOnlyPlainValues(plain)).as("only plain values in " + plain).isTrue();
    }

    @Test
    void localTagOnAScalarIsRefusedWithItsKeyAndLine() {
        ConfigMap root = parse("host: web-01\nname: !foo bar\n").asMap();

        assertThat(root.string("name")).isEmpty();
        assertThat(problems.all()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.key()).isEqualTo("name");
            assertThat(problem.message()).contains("custom YAML tags", "!foo", "not allowed");
        });
    }

    @Test
    void localTagOnAMappingIsRefused() {
        Object plain = parse("settings: !foo {a: 1}\n").toPlain();

        assertThat(problems.all()).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("settings");
            assertThat(problem.message()).contains("custom YAML tags", "!foo");
        });
        assertThat(plain).isEqualTo(Map.of("settings", Map.of()));
    }

    @Test
    void localTagOnAListIsRefused() {
        ConfigMap root = parse("hosts: !foo [a, b]\n").asMap();

        assertThat(root.strings("hosts")).isEmpty();
        assertThat(problems.all()).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("hosts");
            assertThat(problem.message()).contains("custom YAML tags", "!foo");
        });
    }

    @Test
    void billionLaughsIsRefusedWithAProblemInsteadOfExhaustingMemory() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            char previous = (char) (level - 1);
            String aliases = IntStream.range(0, 9).mapToObj(i -> "*" + previous).collect(Collectors.joining(","));
            yaml.append(level).append(": &").append(level).append(" [").append(aliases).append("]\n");
        }

        ConfigNode root = parse(yaml.toString());

        assertThat(problems.all()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("medic.yml");
            assertThat(problem.message()).startsWith("not valid YAML").contains("aliases");
        });
        assertThat(root.asMap().entries()).isEmpty();
    }

    @Test
    void aliasBombWithinTheAliasCountIsStillRefused() {
        // 16 levels of three aliases each: 48 aliases, but 3^16 (43 million) values once expanded.
        StringBuilder yaml = new StringBuilder("l0: &l0 [x, x, x]\n");
        for (int level = 1; level <= 16; level++) {
            yaml.append("l").append(level).append(": &l").append(level)
                .append(" [*l").append(level - 1).append(", *l").append(level - 1).append(", *l").append(level - 1)
                .append("]\n");
        }

        ConfigNode root = parse(yaml.toString());

        assertThat(problems.all()).singleElement().satisfies(problem ->
            assertThat(problem.message()).contains("aliases"));
        assertThat(root.asMap().entries()).isEmpty();
    }

    @Test
    void aliasThatContainsItselfIsRefusedInsteadOfRecursingForever() {
        ConfigNode root = parse("loop: &loop [a, *loop]\n");

        assertThat(problems.all()).singleElement().satisfies(problem ->
            assertThat(problem.message()).contains("alias"));
        assertThat(root.toPlain()).isEqualTo(Map.of());
    }

    @Test
    void aFewHarmlessAliasesAreAccepted() {
        ConfigNode root = parse("""
            common: &common {timeout: 30s}
            web: *common
            db: *common
            """);

        assertThat(problems.isEmpty()).isTrue();
        assertThat(root.toPlain()).isEqualTo(Map.of("common", Map.of("timeout", "30s"), "web",
            Map.of("timeout", "30s"), "db", Map.of("timeout", "30s")));
    }

    private static boolean containsOnlyPlainValues(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.keySet().stream().allMatch(String.class::isInstance)
                && map.values().stream().allMatch(YamlFilesTest::containsOnlyPlainValues);
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(YamlFilesTest::containsOnlyPlainValues);
        }
        return value == null || value instanceof String || value instanceof Long || value instanceof Double
            || value instanceof Boolean;
    }
}
