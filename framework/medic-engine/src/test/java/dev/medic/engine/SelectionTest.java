package dev.medic.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.medic.api.CheckId;

class SelectionTest {

    private static final CheckId ANSWERS = new CheckId("demo", "DemoChecks.answers");
    private static final CheckId DISK_VAR = new CheckId("demo", "Disk.hasRoom[/var]");
    private static final CheckId OTHER = new CheckId("other", "OtherChecks.answers");

    @Test
    void allSelectsEveryCheckOfEveryPackage() {
        Selection all = Selection.all();

        assertThat(all.includes(ANSWERS)).isTrue();
        assertThat(all.includes(OTHER)).isTrue();
        assertThat(all.includesPackage("anything")).isTrue();
        assertThat(Selection.of(null, null)).isEqualTo(all);
    }

    @Test
    void packageFilterSelectsOnlyThatPackagesChecks() {
        Selection demo = Selection.of("demo", null);

        assertThat(demo.includesPackage("demo")).isTrue();
        assertThat(demo.includesPackage("other")).isFalse();
        assertThat(demo.includesPackage("dem")).isFalse();
        assertThat(demo.includes(ANSWERS)).isTrue();
        assertThat(demo.includes(OTHER)).isFalse();
    }

    @Test
    void packageAndCheckPatternMustBothMatch() {
        Selection selection = Selection.of("other", "*.answers");

        assertThat(selection.includes(OTHER)).isTrue();
        assertThat(selection.includes(ANSWERS)).isFalse();
    }

    @Test
    void classGlobSelectsEveryCheckOfTheClass() {
        Selection selection = Selection.of(null, "DemoChecks.*");

        assertThat(selection.includes(ANSWERS)).isTrue();
        assertThat(selection.includes(new CheckId("demo", "DemoChecks.hasRoom[/var]"))).isTrue();
        assertThat(selection.includes(OTHER)).isFalse();
        assertThat(selection.includes(new CheckId("demo", "MoreDemoChecks.answers"))).isFalse();
    }

    @Test
    void methodGlobSelectsThatMethodInEveryClass() {
        Selection selection = Selection.of(null, "*.answers");

        assertThat(selection.includes(ANSWERS)).isTrue();
        assertThat(selection.includes(OTHER)).isTrue();
        assertThat(selection.includes(new CheckId("demo", "DemoChecks.answersOnItsPort"))).isFalse();
        assertThat(selection.includes(DISK_VAR)).isFalse();
    }

    @Test
    void exactNameSelectsOnlyThatCheck() {
        Selection selection = Selection.of(null, "DemoChecks.answers");

        assertThat(selection.includes(ANSWERS)).isTrue();
        assertThat(selection.includes(new CheckId("demo", "DemoChecks.answersOnItsPort"))).isFalse();
        assertThat(selection.includes(new CheckId("demo", "XDemoChecks.answers"))).isFalse();
        assertThat(selection.includes(OTHER)).isFalse();
    }

    @Test
    void invocationIsSelectedByItsMethodName() {
        Selection selection = Selection.of(null, "Disk.hasRoom");

        assertThat(selection.includes(DISK_VAR)).isTrue();
        assertThat(selection.includes(new CheckId("demo", "Disk.hasRoom[/tmp]"))).isTrue();
        assertThat(selection.includes(new CheckId("demo", "Disk.hasRoomFor[/var]"))).isFalse();
    }

    @Test
    void invocationIsSelectedByItsFullNameAlone() {
        Selection selection = Selection.of(null, "Disk.hasRoom[/var]");

        assertThat(selection.includes(DISK_VAR)).isTrue();
        assertThat(selection.includes(new CheckId("demo", "Disk.hasRoom[/tmp]"))).isFalse();
        assertThat(selection.includes(new CheckId("demo", "Disk.hasRoom"))).isFalse();
    }

    @Test
    void regexMetacharactersInPatternsAreLiteral() {
        assertThat(Selection.of(null, "Disk.hasRoom[/v]").includes(new CheckId("demo", "Disk.hasRoom[/v]"))).isTrue();
        assertThat(Selection.of(null, "Disk.hasRoom[/v]").includes(new CheckId("demo", "Disk.hasRoomv"))).isFalse();
        assertThat(Selection.of(null, "A.b").includes(new CheckId("demo", "AXb"))).isFalse();
        assertThat(Selection.of(null, "A.b+").includes(new CheckId("demo", "A.bbb"))).isFalse();
        assertThat(Selection.of(null, "A.b+").includes(new CheckId("demo", "A.b+"))).isTrue();
        assertThat(Selection.of(null, "Disk.hasRoom[(a|b)]").includes(new CheckId("demo", "Disk.hasRoom[(a|b)]")))
            .isTrue();
        assertThat(Selection.of(null, "*\\E.*").includes(new CheckId("demo", "X\\E.y"))).isTrue();
        assertThat(Selection.of(null, "*\\E.*").includes(new CheckId("demo", "X.y"))).isFalse();
    }

    @Test
    void starMatchesAnyCharactersIncludingNone() {
        assertThat(Selection.of(null, "*").includes(ANSWERS)).isTrue();
        assertThat(Selection.of(null, "Demo*answers").includes(ANSWERS)).isTrue();
        assertThat(Selection.of(null, "DemoChecks.answers*").includes(ANSWERS)).isTrue();
        assertThat(Selection.of(null, "Disk.*[/var]").includes(DISK_VAR)).isTrue();
    }
}
