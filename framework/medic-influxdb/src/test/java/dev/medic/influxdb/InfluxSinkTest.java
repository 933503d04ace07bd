package dev.medic.influxdb;

import static dev.medic.influxdb.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairOutcome;
import dev.medic.influxdb.testing.InfluxConfigs;
import dev.medic.influxdb.testing.InfluxServer;

/** The sink against a real InfluxDB 1.x, read back with InfluxQL. */
class InfluxSinkTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    static Path serverDir;
    static InfluxServer influx;

    @TempDir
    Path dir;
    String db;

    @BeforeAll
    static void startInflux() throws Exception {
        influx = InfluxServer.in(serverDir).start();
    }

    @AfterAll
    static void stopInflux() throws Exception {
        influx.close();
    }

    @BeforeEach
    void freshDatabase() throws Exception {
        influx.start(); // a test may have left it stopped
        db = "medic" + DATABASES.incrementAndGet();
        influx.createDatabase(db);
    }

    private InfluxConfigs.Read config(String extra) throws IOException {
        return InfluxConfigs.v1(dir, influx.url(), db, extra);
    }

    private InfluxSink open(InfluxConfigs.Read read) throws IOException {
        return InfluxSink.open(read.orFail(), read.medic());
    }

    @Test
    void everyEventKindArrivesWithTheDocumentedTagsFieldsAndTimestamps() throws Exception {
        try (InfluxSink sink = open(config(""))) {
            sink.repairFinished(Events.repair("A.b", RepairOutcome.SUCCEEDED, T0, "fixed it"));
            sink.checkFinished(Events.check("A.b", Outcome.REPAIRED, Reason.NONE, T0.plusMillis(1), "was failing; fixed it"));
            sink.checkFinished(Events.check("A.c", Outcome.UNRESOLVED, Reason.NO_REPAIR, T0.plusMillis(2), "boom"));
            sink.measured(Events.stat("disk.free", 0.25, Map.of("mount", "/var"), T0.plusMillis(3)));
            sink.runFinished(Events.run(T0, 0, 1, 1, 0));

            assertThat(sink.flush(WAIT)).isTrue();
        }

        assertThat(influx.query(db, "SELECT * FROM medic_check WHERE \"check\" = 'A.c'")).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("time", T0.plusMillis(2).toEpochMilli())
                .containsEntry("host", "test-host").containsEntry("environment", "test")
                .containsEntry("package", "demo").containsEntry("outcome", "UNRESOLVED").containsEntry("reason", "NO_REPAIR")
                .containsEntry("state", 1L).containsEntry("duration_ms", 42L).containsEntry("attempts", 1L)
                .containsEntry("message", "boom").containsEntry("repair", "")
                .containsEntry("health", "FAILING").containsEntry("flapping", 0L).containsEntry("blocked_by", "")
                .containsEntry("maintenance", "");
        });
        assertThat(influx.query(db, "SELECT * FROM medic_repair")).singleElement().satisfies(row ->
            assertThat(row).containsEntry("time", T0.toEpochMilli()).containsEntry("check", "A.b")
                .containsEntry("repair", "Fix").containsEntry("result", "SUCCEEDED").containsEntry("success", 1L)
                .containsEntry("duration_ms", 7L).containsEntry("message", "fixed it"));
        assertThat(influx.query(db, "SELECT * FROM medic_stat")).singleElement().satisfies(row ->
            assertThat(row).containsEntry("time", T0.plusMillis(3).toEpochMilli()).containsEntry("stat", "disk.free")
                .containsEntry("source", "DemoChecks.stats").containsEntry("mount", "/var").containsEntry("value", 0.25));
        assertThat(influx.query(db, "SELECT * FROM medic_run")).singleElement().satisfies(row ->
            assertThat(row).containsEntry("time", T0.toEpochMilli()).containsEntry("mode", "run")
                .containsEntry("checks", 2L).containsEntry("repaired", 1L).containsEntry("unresolved", 1L)
                .containsEntry("healthy", 0L).containsEntry("skipped", 0L).containsEntry("duration_ms", 900L)
                .containsEntry("interval_s", 300L));
        assertThat(influx.query(db, "SELECT * FROM medic_spool")).singleElement().satisfies(row ->
            assertThat(row).containsEntry("time", T0.toEpochMilli()).containsEntry("dropped", 0L)
                .containsEntry("rejected", 0L).containsKey("pending"));
        // Integers stay integers: a dashboard's sum(state) must not turn into floats.
        assertThat(influx.query(db, "SHOW FIELD KEYS FROM medic_check"))
            .extracting(row -> row.get("fieldKey") + ":" + row.get("fieldType"))
            .contains("state:integer", "duration_ms:integer", "attempts:integer", "message:string", "repair:string",
                "flapping:integer", "blocked_by:string", "maintenance:string");
        assertThat(influx.query(db, "SHOW FIELD KEYS FROM medic_run"))
            .extracting(row -> row.get("fieldKey") + ":" + row.get("fieldType")).contains("interval_s:integer");
    }

    @Test
    void tagsAndMessagesWithSpecialCharactersReadBackExactly() throws Exception {
        String name = "Disk Checks.hasRoom[/var, \"data\"=yes]";
        String message = "expected: \"a\\b\"\n but was: 'c, d=e'\tünïcødé ✓";
        try (InfluxSink sink = open(config(""))) {
            sink.checkFinished(Events.check(name, Outcome.UNRESOLVED, Reason.STILL_FAILING, T0, message));
            assertThat(sink.flush(WAIT)).isTrue();
        }

        assertThat(influx.query(db, "SELECT * FROM medic_check")).singleElement().satisfies(row ->
            assertThat(row).containsEntry("check", name).containsEntry("message", message));
    }

    @Test
    void pointsWrittenWhileInfluxDbIsDownAreSentWhenItComesBackNoneLostNoneTwice() throws Exception {
        try (InfluxSink sink = open(config(""))) {
            influx.stop();
            IntStream.range(0, 120).forEach(i -> sink.checkFinished(Events.healthy("A.c" + i, T0.plusMillis(i))));

            assertThat(sink.flush(Duration.ofSeconds(2))).isFalse();
            assertThat(sink.pending()).isEqualTo(120);

            influx.start();
            assertThat(sink.flush(WAIT)).isTrue();
            assertThat(sink.pending()).isZero();
        }

        assertThat(influx.query(db, "SELECT * FROM medic_check")).extracting(row -> (String) row.get("check"))
            .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 120).mapToObj(i -> "A.c" + i).toList());
        // influxd's own counter: every point crossed the wire exactly once (its counters restart with it).
        assertThat(influx.httpStats().get("pointsWrittenOK")).isEqualTo(120);
    }

    @Test
    void aNewSinkSendsWhatAnEarlierOneLeftInTheSpool() throws Exception {
        influx.stop();
        try (InfluxSink first = open(config(""))) {
            IntStream.range(0, 30).forEach(i -> first.checkFinished(Events.healthy("A.c" + i, T0.plusMillis(i))));
        }
        influx.start();

        try (InfluxSink second = open(config(""))) {
            assertThat(second.flush(WAIT)).isTrue();
        }

        assertThat(influx.count(db, "medic_check")).isEqualTo(30);
    }

    @Test
    void aBatchTheServerRejectsAsMalformedIsSetAsideCountedAndNotRetried() throws Exception {
        // A field of another type in the same shard (a week of time) makes InfluxDB refuse the point with 400.
        influx.write(db, "medic_check,check=X state=\"text\" " + T0.toEpochMilli() + "000000");
        try (InfluxSink sink = open(config(""))) {
            sink.checkFinished(Events.healthy("A.bad", T0.plusMillis(1)));
            assertThat(sink.flush(WAIT)).isTrue();
            Instant nextMonth = T0.plus(Duration.ofDays(30));
            sink.checkFinished(Events.healthy("A.good", nextMonth));
            sink.runFinished(Events.run(nextMonth, 1, 0, 0, 0));
            assertThat(sink.flush(WAIT)).isTrue();
        }

        Path rejected = dir.resolve("state/spool/influxdb/rejected");
        List<Path> files;
        try (Stream<Path> list = Files.list(rejected)) {
            files = list.toList();
        }
        assertThat(files).singleElement().satisfies(file -> assertThat(Files.readString(file))
            .startsWith("# rejected by InfluxDB").contains("field type conflict").contains("check=A.bad"));
        assertThat(influx.query(db, "SELECT * FROM medic_spool")).singleElement()
            .satisfies(row -> assertThat(row).containsEntry("rejected", 1L).containsEntry("dropped", 0L));
        assertThat(influx.query(db, "SELECT * FROM medic_check WHERE \"check\" = 'A.good'")).hasSize(1);
    }

    @Test
    void aMissingDatabaseKeepsThePointsUntilItIsCreated() throws Exception {
        influx.command("DROP DATABASE " + db);
        try (InfluxSink sink = open(config(""))) {
            sink.checkFinished(Events.healthy("A.b", T0));
            assertThat(sink.flush(Duration.ofSeconds(5))).isFalse();
            assertThat(sink.pending()).isEqualTo(1);

            influx.createDatabase(db);
            assertThat(sink.flush(WAIT)).isTrue();
        }
        assertThat(influx.count(db, "medic_check")).isEqualTo(1);
    }

    @Test
    void whenTheSpoolIsFullTheOldestPointsAreDroppedAndCounted() throws Exception {
        InfluxConfigs.Read read = InfluxConfigs.read(dir, """
                state-dir: state
                influxdb:
                  url: %s
                  api: v1
                  database: %s
                  batch-size: 10
                  flush-interval: 1h
                  spool:
                    max-bytes: 16KB
                """.formatted(influx.url(), db), Map.of());
        influx.stop();
        try (InfluxSink sink = open(read)) {
            IntStream.range(0, 400).forEach(i -> sink.checkFinished(Events.healthy("A.c" + i, T0.plusMillis(i))));
            sink.flush(Duration.ofSeconds(2));
            long kept = sink.pending();
            assertThat(kept).isBetween(10L, 399L);
            influx.start();
            sink.runFinished(Events.run(T0.plusMillis(1000), 400, 0, 0, 0));
            assertThat(sink.flush(WAIT)).isTrue();

            List<Map<String, Object>> checks = influx.query(db, "SELECT * FROM medic_check");
            assertThat(checks).hasSize((int) kept);
            // The newest survived: the kept ones are exactly the last ones written.
            assertThat(checks).extracting(row -> (String) row.get("check")).containsExactlyInAnyOrderElementsOf(
                IntStream.range(400 - (int) kept, 400).mapToObj(i -> "A.c" + i).toList());
            assertThat(influx.query(db, "SELECT * FROM medic_spool")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("dropped", 400 - kept));
        }
    }
}
