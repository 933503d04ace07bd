package dev.medic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.influxdb.testing.InfluxServer;

/** {@code medic validate --connect} says in plain words what is wrong with the connection to InfluxDB. */
class ValidateConnectTest {

    private static final String PASSWORD = "c0nnect-pw";

    @TempDir
    static Path servers;
    static InfluxServer plain;
    static InfluxServer secured;

    @TempDir
    Path dir;

    @BeforeAll
    static void startInflux() throws Exception {
        plain = InfluxServer.in(servers.resolve("plain")).start();
        plain.createDatabase("medic");
        secured = InfluxServer.withAuthentication(servers.resolve("secured"), "admin", "admin-pw").start();
        secured.createDatabase("medic");
        secured.command("CREATE USER medic WITH PASSWORD '" + PASSWORD + "'");
        secured.command("GRANT WRITE ON medic TO medic");
    }

    @AfterAll
    static void stopInflux() throws Exception {
        plain.close();
        secured.close();
    }

    private Cli.Result validateConnect(String influxdb) throws IOException {
        Path config = dir.resolve("medic.yml");
        Files.writeString(config, "state-dir: state\ninfluxdb:\n" + influxdb.indent(2));
        return Cli.run("validate", "--connect", "--config", config.toString());
    }

    @Test
    void aWritableDatabaseIsOk() throws IOException {
        Cli.Result result = validateConnect("url: " + plain.url() + "\napi: v1\ndatabase: medic");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("valid: ")
            .contains("influxdb: OK: InfluxDB 1.6.7~rc0 at " + plain.url() + " accepts writes to database 'medic'");
    }

    @Test
    void nothingListeningIsAWrongUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Cli.Result result = validateConnect("url: http://127.0.0.1:" + port + "\napi: v1\ndatabase: medic\ntimeout: 2s");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: influxdb: wrong URL or nothing listening: cannot reach InfluxDB at "
            + "http://127.0.0.1:" + port + ": nothing is listening at 127.0.0.1:" + port);
    }

    @Test
    void httpsToAPlainServerIsATlsFailure() throws IOException {
        Cli.Result result = validateConnect("url: " + plain.url().replace("http:", "https:") + "\napi: v1\ndatabase: medic");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: influxdb: TLS failure: cannot reach InfluxDB at https://127.0.0.1:"
            + plain.port() + ": the TLS connection to 127.0.0.1:" + plain.port() + " failed");
    }

    @Test
    void aWrongPasswordIsAFailedAuthenticationAndIsNotShown() throws IOException {
        Files.writeString(dir.resolve("password"), "wrong-" + PASSWORD);

        Cli.Result result = validateConnect("url: " + secured.url()
            + "\napi: v1\ndatabase: medic\nusername: medic\npassword: {file: password}");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: influxdb: authentication failed: InfluxDB 1.6.7~rc0 at " + secured.url()
            + ": InfluxDB refused the credentials (HTTP 401")
            .contains("check influxdb.username and influxdb.password");
        assertThat(result.out() + result.err()).doesNotContain(PASSWORD);
    }

    @Test
    void aMissingDatabaseIsNamed() throws IOException {
        Cli.Result result = validateConnect("url: " + plain.url() + "\napi: v1\ndatabase: metrics");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: influxdb: missing database or bucket: ")
            .contains("has no database 'metrics'").contains("CREATE DATABASE \"metrics\"");
    }

    @Test
    void withoutAnInfluxdbSectionThereIsNothingToConnectTo() throws IOException {
        Path config = dir.resolve("medic.yml");
        Files.writeString(config, "state-dir: state\n");

        Cli.Result result = Cli.run("validate", "--connect", "--config", config.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("influxdb: not configured");
    }

    @Test
    void anInlinePasswordIsAConfigurationErrorThatSaysHowToWriteIt() throws IOException {
        Cli.Result result = validateConnect("url: " + secured.url()
            + "\napi: v1\ndatabase: medic\nusername: medic\npassword: " + PASSWORD);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("medic.yml:7:13: influxdb.password: an inline secret is not allowed")
            .contains("password: {env: VARIABLE}").doesNotContain(PASSWORD);
    }
}
