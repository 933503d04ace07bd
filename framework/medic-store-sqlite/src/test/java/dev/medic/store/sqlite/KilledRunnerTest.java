package dev.medic.store.sqlite;

import static dev.medic.store.sqlite.Events.T0;
import static dev.medic.store.sqlite.Events.all;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.CheckRecord;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunRecord;

class KilledRunnerTest {

    private static final int CHECKS = 7;

    @TempDir
    Path dir;

    @Test
    void aRunnerKilledMidRunLeavesEveryCheckItWroteReadable() throws Exception {
        Path file = dir.resolve("medic.db");
        Process runner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), WritingRunner.class.getName(), file.toString(),
            String.valueOf(CHECKS))
            .redirectErrorStream(true)
            .start();
        List<String> output = new ArrayList<>();
        try {
            output.addAll(linesUntilWritten(runner));
            assertThat(output).as("runner output").contains(WritingRunner.WRITTEN);
            assertThat(Path.of(file + "-wal")).as("the runner still has the history open").exists();
        } finally {
            runner.destroyForcibly();
            runner.waitFor();
        }
        assertThat(runner.exitValue()).as("the runner was killed, not closed").isNotZero();

        List<CheckRecord> written = IntStream.range(0, CHECKS).mapToObj(WritingRunner::record)
            .sorted(Comparator.comparing(CheckRecord::startedAt).reversed()).toList();
        try (SqliteStore store = SqliteStore.open(file)) {
            assertThat(store.checks(all())).containsExactlyElementsOf(written);
            assertThat(store.runs(all())).containsExactly(new RunRecord(WritingRunner.RUN_ID, RunMode.RUN, "test-host", "test", T0,
                Duration.ZERO, 4, 0, 3, 0));
        }
        assertThat(Files.size(file)).isPositive();
    }

    /** Reads until the runner says it has written everything, or until its output ends. */
    private static List<String> linesUntilWritten(Process runner) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(runner.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
            if (line.equals(WritingRunner.WRITTEN)) {
                break;
            }
        }
        return lines;
    }
}
