package dev.medic.packages.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MemoryTest {

    @Test
    void memAvailableAndMemTotalAreReadInKibibytes() {
        assertThat(Memory.parseMeminfo(List.of("MemTotal:       24684084 kB", "MemFree:        23579588 kB",
            "MemAvailable:   23988792 kB"))).hasValue(new Memory(23988792L * 1024, 24684084L * 1024, "MemAvailable in /proc/meminfo"));
    }

    @Test
    void aKernelWithoutMemAvailableGivesNothingSoThatTheFallbackIsUsed() {
        assertThat(Memory.parseMeminfo(List.of("MemTotal:       24684084 kB", "MemFree:        23579588 kB"))).isEmpty();
    }

    @Test
    void thisMachinesMemoryIsReadWithItsSource() {
        Memory memory = Memory.read();

        assertThat(memory.totalBytes()).isPositive();
        assertThat(memory.availableBytes()).isBetween(0L, memory.totalBytes());
        assertThat(memory.source()).isIn("MemAvailable in /proc/meminfo", "free physical memory as the JVM reports it");
    }
}
