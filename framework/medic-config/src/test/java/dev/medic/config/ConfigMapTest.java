package dev.medic.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ConfigMapTest {

    enum Mode {
        REPAIR, REPORT_ONLY, OFF
    }

    private final ConfigProblems problems = new ConfigProblems();

    private ConfigMap read(String yaml) {
        return YamlFiles.parse(yaml, "medic.yml", problems).asMap();
    }

    private ConfigProblem onlyProblem() {
        assertThat(problems.all()).hasSize(1);
        return problems.all().get(0);
    }

    @Test
    void unknownKeyIsReportedWithItsLineAndTheAllowedKeys() {
        ConfigMap root = YamlFiles.parse("host: web-01\ncolour: blue\n", "medic.yml", problems)
            .asMap(List.of("host", "environment"));

        assertThat(root.entries()).containsOnlyKeys("host");
        ConfigProblem problem = onlyProblem();
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.key()).isEqualTo("colour");
        assertThat(problem.message()).isEqualTo("unknown key 'colour'; allowed here: host, environment");
    }

    @Test
    void unknownKeyWithANestedValueIsReportedOnTheKeysOwnLine() {
        YamlFiles.parse("host: web-01\nextras:\n  colour: blue\n", "medic.yml", problems).asMap(List.of("host"));

        ConfigProblem problem = onlyProblem();
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(1);
        assertThat(problem.key()).isEqualTo("extras");
    }

    @Test
    void unknownKeyInANestedMappingIsReportedWithItsDottedPath() {
        read("store:\n  path: a.db\n  size: 3\n").map("store", List.of("path"));

        ConfigProblem problem = onlyProblem();
        assertThat(problem.key()).isEqualTo("store.size");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("allowed here: path");
    }

    @Test
    void duplicateKeyIsReportedWithTheLineOfTheFirstOccurrence() {
        ConfigMap root = read("host: a\nport: 1\nhost: b\n");

        assertThat(root.string("host")).contains("a");
        ConfigProblem problem = onlyProblem();
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.key()).isEqualTo("host");
        assertThat(problem.message()).isEqualTo("key 'host' appears twice; it was first set on line 1");
    }

    @Test
    void duplicateKeyWithANestedFirstValueNamesTheLineOfTheFirstKey() {
        read("store:\n  path: a.db\nhost: a\nstore: b\n");

        assertThat(onlyProblem().message()).endsWith("first set on line 1");
    }

    @Test
    void readingTheSameMappingTwiceReportsADuplicateKeyOnce() {
        ConfigNode root = YamlFiles.parse("host: a\nhost: b\n", "medic.yml", problems);

        root.asMap();
        root.asMap();
        root.toPlain();

        assertThat(problems.all()).hasSize(1);
    }

    @Test
    void mergeKeysAreRefused() {
        read("base: &base {a: 1}\nderived:\n  <<: *base\n").map("derived");

        assertThat(onlyProblem().message()).contains("merge keys");
    }

    @Test
    void integerWithinBoundsIsRead() {
        ConfigMap map = read("workers: 4\nhex: 0x10\nbig: 1_000\n");

        assertThat(map.integer("workers", 1, 16)).contains(4);
        assertThat(map.integer("hex", 0, 100)).contains(16);
        assertThat(map.integer("big", 0, 10_000)).contains(1000);
        assertThat(map.integer("absent", 0, 1)).isEmpty();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void integerOutOfBoundsIsReportedWithTheAllowedRange() {
        Optional<Integer> workers = read("workers: 17\n").integer("workers", 1, 16);

        assertThat(workers).isEmpty();
        ConfigProblem problem = onlyProblem();
        assertThat(problem.key()).isEqualTo("workers");
        assertThat(problem.message()).isEqualTo("expected a whole number from 1 to 16, found the whole number 17");
    }

    @Test
    void integerWrittenAsTextOrDecimalIsReported() {
        ConfigMap map = read("a: many\nb: 2.5\nc: '3'\n");

        assertThat(map.integer("a", 0, 10)).isEmpty();
        assertThat(map.integer("b", 0, 10)).isEmpty();
        assertThat(map.integer("c", 0, 10)).isEmpty();
        assertThat(problems.all()).extracting(ConfigProblem::message).containsExactly(
            "expected a whole number from 0 to 10, found the text 'many'",
            "expected a whole number from 0 to 10, found the number 2.5",
            "expected a whole number from 0 to 10, found the text '3'");
    }

    @Test
    void integerBeyondTheRangeOfLongIsReportedNotThrown() {
        assertThat(read("a: 99999999999999999999\n").integer("a", 0, 10)).isEmpty();

        assertThat(onlyProblem().message()).contains("99999999999999999999");
    }

    @Test
    void longValueBelowItsMinimumIsReported() {
        ConfigMap map = read("size: 5000000000\nsmall: -1\n");

        assertThat(map.longValue("size", 0)).contains(5_000_000_000L);
        assertThat(map.longValue("small", 0)).isEmpty();
        assertThat(onlyProblem().message()).isEqualTo("expected a whole number of at least 0, found the whole number -1");
    }

    @Test
    void numberAcceptsWholeAndDecimalWithinBounds() {
        ConfigMap map = read("a: 0.25\nb: 1\nc: 1.5\nd: half\n");

        assertThat(map.number("a", 0, 1)).contains(0.25);
        assertThat(map.number("b", 0, 1)).contains(1.0);
        assertThat(map.number("c", 0, 1)).isEmpty();
        assertThat(map.number("d", 0, 1)).isEmpty();
        assertThat(problems.all()).extracting(ConfigProblem::key, ConfigProblem::message).containsExactly(
            org.assertj.core.groups.Tuple.tuple("c", "expected a number from 0.0 to 1.0, found the number 1.5"),
            org.assertj.core.groups.Tuple.tuple("d", "expected a number from 0.0 to 1.0, found the text 'half'"));
    }

    @Test
    void booleanAcceptsTheYamlSpellingsAndReportsAnythingElse() {
        ConfigMap map = read("a: true\nb: no\nc: On\nd: maybe\ne: 'true'\n");

        assertThat(map.bool("a")).contains(true);
        assertThat(map.bool("b")).contains(false);
        assertThat(map.bool("c")).contains(true);
        assertThat(map.bool("d")).isEmpty();
        assertThat(map.bool("e")).isEmpty();
        assertThat(problems.all()).extracting(ConfigProblem::message).containsExactly(
            "expected true or false, found the text 'maybe'", "expected true or false, found the text 'true'");
    }

    @Test
    void choiceReadsAnEnumConstantInItsConfigurationSpelling() {
        ConfigMap map = read("a: report-only\nb: ' Repair '\n");

        assertThat(map.choice("a", Mode.class)).contains(Mode.REPORT_ONLY);
        assertThat(map.choice("b", Mode.class)).contains(Mode.REPAIR);
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void choiceOutsideTheEnumListsTheAllowedValues() {
        assertThat(read("\nmode: report_only\n").choice("mode", Mode.class)).isEmpty();

        ConfigProblem problem = onlyProblem();
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.key()).isEqualTo("mode");
        assertThat(problem.message())
            .isEqualTo("value 'report_only' is not allowed; expected one of repair, report-only, off");
    }

    @Test
    void parsedUsesTheParserAndReportsWhatIsAllowedWhenItRefuses() {
        ConfigMap map = read("a: '8080'\nb: http\n");
        java.util.function.Function<String, Optional<Integer>> port = text -> text.matches("\\d{1,5}")
            ? Optional.of(Integer.parseInt(text)) : Optional.empty();

        assertThat(map.parsed("a", port, "a port number")).contains(8080);
        assertThat(map.parsed("b", port, "a port number")).isEmpty();
        ConfigProblem problem = onlyProblem();
        assertThat(problem.key()).isEqualTo("b");
        assertThat(problem.message()).isEqualTo("value 'http' is not allowed; expected a port number");
    }

    @Test
    void aSingleValueIsReadWhereAListIsExpectedAndAListWhereASingleValueIsExpectedIsReported() {
        ConfigMap map = read("one: a\nmany: [a, 2, true]\n");

        assertThat(map.strings("one")).containsExactly("a");
        assertThat(map.strings("many")).containsExactly("a", "2", "true");
        assertThat(map.string("many")).isEmpty();
        assertThat(onlyProblem().message()).isEqualTo("expected a single value, found a list");
    }

    @Test
    void aMappingWhereAMappingIsExpectedIsRequired() {
        ConfigMap store = read("store: here\n").map("store", List.of("path"));

        assertThat(store.entries()).isEmpty();
        assertThat(onlyProblem().message()).isEqualTo("expected a mapping of keys to values, found the text 'here'");
    }

    @Test
    void anEmptyValueIsAbsentButItsKeyIsPresent() {
        ConfigMap map = read("host:\n");

        assertThat(map.has("host")).isTrue();
        assertThat(map.get("host")).isEmpty();
        assertThat(map.string("host")).isEmpty();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void everyProblemInAFileIsReportedTogether() {
        ConfigMap root = YamlFiles.parse("""
            workers: lots
            enabled: sometimes
            colour: blue
            mode: fast
            store:
              path: a.db
              size: 3
            """, "medic.yml", problems).asMap(List.of("workers", "enabled", "mode", "store"));
        root.integer("workers", 1, 16);
        root.bool("enabled");
        root.choice("mode", Mode.class);
        root.map("store", List.of("path"));

        assertThat(problems.all()).extracting(ConfigProblem::key)
            .containsExactly("colour", "workers", "enabled", "mode", "store.size");
        assertThatThrownBy(problems::throwIfAny).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).hasSize(5).isEqualTo(problems.all());
            assertThat(e.getMessage().lines()).hasSize(5).allMatch(line -> line.startsWith("medic.yml:"));
            assertThat(e.getMessage()).contains("medic.yml:1:10: workers: ", "medic.yml:3:1: colour: unknown key");
        });
    }

    @Test
    void noProblemsMeansNothingIsThrown() {
        read("host: a\n").string("host");

        problems.throwIfAny();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void reportAboutAnAbsentKeyIsPlacedOnTheMapping() {
        ConfigMap store = read("store:\n  path: a.db\n").map("store");

        store.report("size", "size is required");

        ConfigProblem problem = onlyProblem();
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.key()).isEqualTo("store");
    }
}
