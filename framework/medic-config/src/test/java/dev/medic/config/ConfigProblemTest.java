package dev.medic.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigProblemTest {

    @Test
    void problemReadsAsFileLineColumnKeyAndMessage() {
        ConfigProblem problem = new ConfigProblem("medic.yml", 12, 5, "packages.demo.timeout", "expected a duration");

        assertThat(problem).hasToString("medic.yml:12:5: packages.demo.timeout: expected a duration");
    }

    @Test
    void unknownColumnIsLeftOut() {
        assertThat(new ConfigProblem("medic.yml", 3, 0, "host", "bad")).hasToString("medic.yml:3: host: bad");
    }

    @Test
    void problemAboutTheWholeFileHasNeitherLineNorKey() {
        assertThat(new ConfigProblem("medic.yml", 0, 0, "", "cannot read the file"))
            .hasToString("medic.yml: cannot read the file");
    }

    @Test
    void problemsAddedForAFileAreAboutTheWholeFile() {
        ConfigProblems problems = new ConfigProblems();

        problems.add("medic.yml", "too large");

        assertThat(problems.all()).containsExactly(new ConfigProblem("medic.yml", 0, 0, "", "too large"));
    }

    @Test
    void exceptionMessageListsEveryProblemOnItsOwnLine() {
        List<ConfigProblem> list = List.of(new ConfigProblem("a.yml", 1, 1, "x", "one"),
            new ConfigProblem("a.yml", 2, 3, "y", "two"));

        ConfigException exception = new ConfigException(list);

        assertThat(exception.getMessage()).isEqualTo("a.yml:1:1: x: one" + System.lineSeparator() + "a.yml:2:3: y: two");
        assertThat(exception.problems()).isEqualTo(list);
    }

    @Test
    void problemsListIsASnapshot() {
        ConfigProblems problems = new ConfigProblems();
        problems.add("a.yml", "one");
        List<ConfigProblem> before = problems.all();

        problems.add("a.yml", "two");

        assertThat(before).hasSize(1);
        assertThat(problems.all()).hasSize(2);
    }
}
