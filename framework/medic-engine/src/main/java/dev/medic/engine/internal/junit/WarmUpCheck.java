package dev.medic.engine.internal.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.medic.api.MedicExtension;

/**
 * A check that always passes, run once by {@link PackageRunner#warmUp()} so that JUnit's
 * execution machinery, the Medic extension and AssertJ are initialised before the real checks.
 */
@ExtendWith(MedicExtension.class)
class WarmUpCheck {

    @Test
    void warmsUp() {
        assertThat(1 + 1).as("arithmetic").isEqualTo(2);
    }
}
