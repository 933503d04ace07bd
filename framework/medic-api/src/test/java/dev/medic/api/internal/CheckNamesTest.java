package dev.medic.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckNamesTest {

    @Test
    void nameIsTheSimpleClassNameAndTheMethod() {
        assertThat(CheckNames.of("com.acme.DiskChecks", "hasRoom")).isEqualTo("DiskChecks.hasRoom");
    }

    @Test
    void classInTheDefaultPackageKeepsItsName() {
        assertThat(CheckNames.of("DiskChecks", "hasRoom")).isEqualTo("DiskChecks.hasRoom");
    }

    @Test
    void nestedClassesAreJoinedWithDots() {
        assertThat(CheckNames.of("a.b.Outer$Inner", "method")).isEqualTo("Outer.Inner.method");
        assertThat(CheckNames.of("a.b.Outer$Middle$Inner", "method")).isEqualTo("Outer.Middle.Inner.method");
    }

    @Test
    void labelDropsJUnitsDefaultInvocationPrefix() {
        assertThat(CheckNames.label("[1] foo")).isEqualTo("foo");
        assertThat(CheckNames.label("  [12]   /var/lib  ")).isEqualTo("/var/lib");
    }

    @Test
    void labelKeepsCustomDisplayNames() {
        assertThat(CheckNames.label("disk /var")).isEqualTo("disk /var");
        assertThat(CheckNames.label("[a] foo")).isEqualTo("[a] foo");
        assertThat(CheckNames.label("x [1] foo")).isEqualTo("x [1] foo");
    }

    @Test
    void labelThatIsOnlyThePrefixIsKept() {
        assertThat(CheckNames.label("[3]")).isEqualTo("[3]");
    }

    @Test
    void labelDropsTheQuotesJUnitPutsAroundOneTextArgument() {
        assertThat(CheckNames.label("\"/var\"")).isEqualTo("/var");
        assertThat(CheckNames.label("[1] \"/var\"")).isEqualTo("/var");
        assertThat(CheckNames.label("\"a\", \"b\"")).isEqualTo("\"a\", \"b\"");
    }
}
