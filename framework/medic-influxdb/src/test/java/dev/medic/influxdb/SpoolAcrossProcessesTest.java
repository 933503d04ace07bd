package dev.medic.influxdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.influxdb.testing.InfluxConfigs;
import dev.medic.influxdb.testing.InfluxServer;

/** Real processes sharing one spool: a daemon and a manual run on one host, and a runner killed with SIGKILL. */
class SpoolAcrossProcessesTest {

    @TempDir
    static Path serverDir;
    static InfluxServer influx;

    @TempDir
    Path dir;

    @BeforeAll
    static void startInflux() throws Exception {
        influx = InfluxServer.in(serverDir).start();
    }

    @AfterAll
    static void stopInflux() throws Exception {
        influx.close();
    }

    private Process sinkProcess(String name, String database, String prefix, int count, String end) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SinkProcess.class.getName(),
            dir.resolve(name).toString(), dir.resolve("spool").toString(), influx.url(), database, prefix,
            String.valueOf(count), end)
            .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".err").toFile()))
            .start();
    }

    private static void awaitLine(Process process, String expected) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo(expected);
    }

    private static List<String> names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void twoProcessesAppendingAndSendingAtOnceLoseNothingAndSendNothingTwice() throws Exception {
        influx.createDatabase("shared");
        long before = influx.httpStats().get("pointsWrittenOK");

        Process daemon = sinkProcess("daemon", "shared", "daemon.c", 400, "close");
        Process manual = sinkProcess("manual", "shared", "manual.c", 400, "close");

        assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(manual.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.exitValue()).isZero();
        assertThat(manual.exitValue()).isZero();
        // Whatever one of them could not send at its close (the other held the spool) is still spooled: send it.
        InfluxConfigs.Read after = InfluxConfigs.v1(dir.resolve("last"), influx.url(), "shared",
            "spool: {directory: " + dir.resolve("spool") + "}");
        try (InfluxSink last = InfluxSink.open(after.orFail(), after.medic())) {
            assertThat(last.flush(Duration.ofSeconds(20))).isTrue();
        }

        assertThat(influx.query("shared", "SELECT * FROM medic_check")).extracting(row -> (String) row.get("check"))
            .containsExactlyInAnyOrderElementsOf(Stream.concat(names("daemon.c", 400).stream(),
                names("manual.c", 400).stream()).toList());
        // Not one point crossed the wire twice: the spool lock lets one process send at a time.
        assertThat(influx.httpStats().get("pointsWrittenOK") - before).isEqualTo(800);
    }

    @Test
    void pointsOfARunnerKilledWithSigkillAreSentByTheNextOne() throws Exception {
        influx.createDatabase("killed");
        influx.stop();
        Process runner = sinkProcess("runner", "killed", "c", 250, "hang");
        awaitLine(runner, "appended 250");

        runner.destroyForcibly();
        assertThat(runner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        influx.start();

        InfluxConfigs.Read next = InfluxConfigs.v1(dir.resolve("next"), influx.url(), "killed",
            "spool: {directory: " + dir.resolve("spool") + "}");
        try (InfluxSink sink = InfluxSink.open(next.orFail(), next.medic())) {
            assertThat(sink.flush(Duration.ofSeconds(20))).isTrue();
        }
        assertThat(influx.query("killed", "SELECT * FROM medic_check")).extracting(row -> (String) row.get("check"))
            .containsExactlyInAnyOrderElementsOf(names("c", 250));
    }
}
