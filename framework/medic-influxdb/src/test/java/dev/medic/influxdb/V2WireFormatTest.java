package dev.medic.influxdb;

import static dev.medic.influxdb.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.influxdb.internal.Points;
import dev.medic.influxdb.testing.CapturedLog;
import dev.medic.influxdb.testing.InfluxConfigs;
import dev.medic.influxdb.testing.RecordingServer;
import dev.medic.influxdb.testing.TestCertificates;

/**
 * The InfluxDB 2.x/3.x path against its documented wire format (POST /api/v2/write with org,
 * bucket and precision, Authorization: Token, gzip, line protocol), recorded by a JDK HttpServer:
 * no 2.x server can be installed here.
 */
class V2WireFormatTest {

    private static final String TOKEN = "t0ken-ABC/def+ghi==";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private RecordingServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private InfluxSink open(String url, String extra) throws IOException {
        InfluxConfigs.Read read = InfluxConfigs.read(dir, """
            state-dir: state
            host: web-1
            environment: production
            influxdb:
              url: %s
              api: v2
              org: acme corp
              bucket: medic/metrics
              token: {env: INFLUX_TOKEN}
              flush-interval: 100ms
              timeout: 5s
            %s""".formatted(url, extra.indent(2)), Map.of("INFLUX_TOKEN", TOKEN));
        return InfluxSink.open(read.orFail(), read.medic());
    }

    @Test
    void writesGzippedLineProtocolToApiV2WriteWithOrgBucketPrecisionAndToken() throws IOException {
        server = RecordingServer.http();
        try (InfluxSink sink = open(server.url(), "")) {
            sink.checkFinished(Events.healthy("A.b", T0));
            sink.checkFinished(Events.healthy("A.c", T0.plusMillis(1)));
            assertThat(sink.flush(WAIT)).isTrue();
        }

        Points points = new Points("web-1", "production");
        assertThat(server.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/v2/write");
            assertThat(request.query()).containsExactlyInAnyOrderEntriesOf(
                Map.of("org", "acme corp", "bucket", "medic/metrics", "precision", "ms"));
            assertThat(request.headers()).containsEntry("authorization", "Token " + TOKEN)
                .containsEntry("content-encoding", "gzip")
                .hasEntrySatisfying("content-type", type -> assertThat(type).startsWith("text/plain"));
            assertThat(request.body()).isEqualTo(points.check(Events.healthy("A.b", T0)) + "\n"
                + points.check(Events.healthy("A.c", T0.plusMillis(1))));
            assertThat(request.rawBody()).isNotEqualTo(request.body().getBytes());
        });
    }

    @Test
    void withGzipOffTheBodyIsPlainLineProtocol() throws IOException {
        server = RecordingServer.http();
        try (InfluxSink sink = open(server.url(), "gzip: false")) {
            sink.checkFinished(Events.healthy("A.b", T0));
            assertThat(sink.flush(WAIT)).isTrue();
        }

        assertThat(server.requests()).singleElement().satisfies(request -> {
            assertThat(request.headers()).doesNotContainKey("content-encoding");
            assertThat(new String(request.rawBody())).startsWith("medic_check,check=A.b,");
        });
    }

    @Test
    void refusedCredentialsKeepThePointsAndNoLogShowsTheToken() throws IOException {
        server = RecordingServer.http();
        server.answer(401, "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}");
        try (CapturedLog log = CapturedLog.start(); InfluxSink sink = open(server.url(), "")) {
            sink.checkFinished(Events.healthy("A.b", T0));

            assertThat(sink.flush(Duration.ofSeconds(5))).isFalse();
            assertThat(sink.pending()).isEqualTo(1);
            assertThat(log.text()).contains("InfluxDB refused the credentials (HTTP 401: unauthorized access); check influxdb.token")
                .contains("This is a configuration problem").doesNotContain(TOKEN);

            server.answer(204, "");
            assertThat(sink.flush(WAIT)).isTrue();
            assertThat(log.text()).doesNotContain(TOKEN);
        }
        assertThat(server.requests()).hasSize(2).allSatisfy(request -> assertThat(request.body()).contains("check=A.b"));
    }

    @Test
    void aServerErrorKeepsThePointsAndAMalformedAnswerSetsThemAside() throws IOException {
        server = RecordingServer.http();
        server.answer(503, "{\"code\":\"unavailable\",\"message\":\"too busy\"}");
        try (InfluxSink sink = open(server.url(), "")) {
            sink.checkFinished(Events.healthy("A.b", T0));
            assertThat(sink.flush(Duration.ofSeconds(5))).isFalse();
            assertThat(sink.pending()).isEqualTo(1);

            server.answer(400, "{\"code\":\"invalid\",\"message\":\"unable to parse line 1: missing fields\"}");
            assertThat(sink.flush(WAIT)).isTrue();
            assertThat(sink.pending()).isZero();
        }
        try (Stream<Path> rejected = Files.list(dir.resolve("state/spool/influxdb/rejected"))) {
            assertThat(rejected.toList()).singleElement().satisfies(file -> assertThat(Files.readString(file))
                .contains("HTTP 400: unable to parse line 1: missing fields").contains("check=A.b"));
        }
    }

    @Test
    void httpsWorksWithTheConfiguredCaFileAndFailsAsTlsWithoutIt() throws Exception {
        TestCertificates certificates = TestCertificates.create(dir.resolve("tls"));
        server = RecordingServer.https(certificates);
        try (CapturedLog log = CapturedLog.start(); InfluxSink untrusting = open(server.url(), "")) {
            untrusting.checkFinished(Events.healthy("A.b", T0));
            assertThat(untrusting.flush(Duration.ofSeconds(5))).isFalse();
            assertThat(log.text()).contains("the TLS connection to 127.0.0.1:").contains("influxdb.tls.ca-file");
        }
        assertThat(server.requests()).isEmpty();

        try (InfluxSink trusting = open(server.url(), "tls:\n  ca-file: " + certificates.certificate())) {
            assertThat(trusting.flush(WAIT)).isTrue();
        }
        assertThat(server.requests()).singleElement().satisfies(request ->
            assertThat(request.body()).contains("check=A.b"));
    }
}
