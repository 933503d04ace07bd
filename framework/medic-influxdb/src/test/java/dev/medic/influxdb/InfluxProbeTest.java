package dev.medic.influxdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.influxdb.InfluxProbe.Status;
import dev.medic.influxdb.testing.InfluxConfigs;
import dev.medic.influxdb.testing.InfluxServer;
import dev.medic.influxdb.testing.RecordingServer;
import dev.medic.influxdb.testing.TestCertificates;

/** The connection probe tells each way of being wrong apart, against real servers where they run here. */
class InfluxProbeTest {

    private static final String PASSWORD = "pr0be-passw0rd";

    @TempDir
    static Path servers;
    static InfluxServer plain;
    static InfluxServer secured;
    static InfluxServer tls;
    static TestCertificates certificates;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() throws Exception {
        plain = InfluxServer.in(servers.resolve("plain")).start();
        plain.createDatabase("medic");
        secured = InfluxServer.withAuthentication(servers.resolve("secured"), "admin", "admin-pw").start();
        secured.createDatabase("medic");
        secured.command("CREATE USER medic WITH PASSWORD '" + PASSWORD + "'");
        secured.command("GRANT WRITE ON medic TO medic");
        certificates = TestCertificates.create(servers.resolve("certificates"));
        tls = InfluxServer.withTls(servers.resolve("tls"), certificates).start();
        tls.createDatabase("medic");
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (InfluxServer server : new InfluxServer[] {plain, secured, tls}) {
            if (server != null) {
                server.close();
            }
        }
    }

    private InfluxProbe.Result probe(String url, String database, String extra) throws IOException {
        InfluxConfig config = InfluxConfigs.read(dir, """
            influxdb:
              url: %s
              api: v1
              database: %s
              timeout: 5s
            %s""".formatted(url, database, extra.indent(2)), Map.of("PASSWORD", PASSWORD, "WRONG", "not-it")).orFail();
        return InfluxProbe.probe(config);
    }

    @Test
    void aReachableServerWithTheDatabaseIsOk() throws IOException {
        InfluxProbe.Result result = probe(plain.url(), "medic", "");

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.message()).isEqualTo("InfluxDB 1.6.7~rc0 at " + plain.url() + " accepts writes to database 'medic'");
    }

    @Test
    void aMissingDatabaseIsNamedWithHowToCreateIt() throws IOException {
        InfluxProbe.Result result = probe(plain.url(), "nope", "");

        assertThat(result.status()).isEqualTo(Status.NOT_FOUND);
        assertThat(result.message()).contains("has no database 'nope'").contains("CREATE DATABASE \"nope\"");
    }

    @Test
    void nothingListeningIsAWrongUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        InfluxProbe.Result result = probe("http://127.0.0.1:" + port, "medic", "");

        assertThat(result.status()).isEqualTo(Status.UNREACHABLE);
        assertThat(result.message()).contains("nothing is listening at 127.0.0.1:" + port).contains("check influxdb.url");
    }

    @Test
    void somethingElseListeningIsNotInfluxDb() throws IOException {
        try (RecordingServer other = RecordingServer.http()) {
            other.answer(404, "{}");
            other.answerPing(404);

            InfluxProbe.Result result = probe(other.url(), "medic", "");

            assertThat(result.status()).isEqualTo(Status.NOT_INFLUXDB);
            assertThat(result.message()).contains("GET /ping answered HTTP 404");
        }
    }

    @Test
    void httpsAgainstAPlainServerIsATlsFailure() throws IOException {
        InfluxProbe.Result result = probe(plain.url().replace("http:", "https:"), "medic", "");

        assertThat(result.status()).isEqualTo(Status.TLS_FAILED);
        assertThat(result.message()).contains("the TLS connection to 127.0.0.1:" + plain.port() + " failed");
    }

    @Test
    void anUntrustedCertificateIsATlsFailureAndTheCaFileFixesIt() throws IOException {
        assertThat(probe(tls.url(), "medic", "").status()).isEqualTo(Status.TLS_FAILED);

        assertThat(probe(tls.url(), "medic", "tls: {ca-file: " + certificates.certificate() + "}").status())
            .isEqualTo(Status.OK);
    }

    @Test
    void wrongCredentialsAreAnAuthenticationFailureThatNeverShowsThePassword() throws IOException {
        InfluxProbe.Result wrong = probe(secured.url(), "medic", "username: medic\npassword: {env: WRONG}");
        InfluxProbe.Result none = probe(secured.url(), "medic", "");
        InfluxProbe.Result right = probe(secured.url(), "medic", "username: medic\npassword: {env: PASSWORD}");

        assertThat(wrong.status()).isEqualTo(Status.AUTHENTICATION_FAILED);
        assertThat(wrong.message()).contains("refused the credentials (HTTP 401: authorization failed)").contains("check influxdb.username and influxdb.password")
            .doesNotContain("not-it");
        assertThat(none.status()).isEqualTo(Status.AUTHENTICATION_FAILED);
        assertThat(right.status()).isEqualTo(Status.OK);
        assertThat(right.message()).doesNotContain(PASSWORD);
    }

    @Test
    void theV2ProbeSendsTheTokenToTheV2WritePath() throws IOException {
        try (RecordingServer v2 = RecordingServer.http()) {
            InfluxConfig config = InfluxConfigs.read(dir, """
                influxdb: {url: "%s", api: v2, org: acme, bucket: medic, token: {env: TOKEN}}
                """.formatted(v2.url()), Map.of("TOKEN", "tok")).orFail();

            assertThat(InfluxProbe.probe(config).status()).isEqualTo(Status.OK);
            v2.answer(404, "{\"code\":\"not found\",\"message\":\"bucket \\\"medic\\\" not found\"}");
            assertThat(InfluxProbe.probe(config).status()).isEqualTo(Status.NOT_FOUND);
            assertThat(v2.requests()).filteredOn(request -> request.path().equals("/api/v2/write")).first()
                .satisfies(request -> {
                    assertThat(request.headers()).containsEntry("authorization", "Token tok");
                    assertThat(request.query()).containsEntry("org", "acme").containsEntry("bucket", "medic");
                });
        }
    }
}
