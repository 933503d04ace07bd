package dev.medic.influxdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.config.ConfigProblem;
import dev.medic.influxdb.testing.InfluxConfigs;
import dev.medic.config.Secret;

class InfluxConfigTest {

    private static final String PASSWORD = "hunter2-is-the-password";
    private static final String TOKEN = "s3cr3t-t0ken-value==";

    @TempDir
    Path dir;

    private InfluxConfigs.Read read(String yaml) throws IOException {
        return InfluxConfigs.read(dir, yaml, Map.of("INFLUX_PASSWORD", PASSWORD, "INFLUX_TOKEN", TOKEN));
    }

    private static String problems(InfluxConfigs.Read read) {
        return String.join("\n", read.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void aMinimalV1SectionGetsTheDocumentedDefaults() throws IOException {
        InfluxConfig config = read("""
            state-dir: state
            influxdb:
              url: http://127.0.0.1:8086
              api: v1
              database: medic
            """).orFail();

        assertThat(config.api()).isEqualTo(InfluxConfig.Api.V1);
        assertThat(config.database()).contains("medic");
        assertThat(config.username()).isEmpty();
        assertThat(config.batchSize()).isEqualTo(1000);
        assertThat(config.flushInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.gzip()).isTrue();
        assertThat(config.spoolDirectory()).isEqualTo(dir.resolve("state/spool/influxdb"));
        assertThat(config.spoolMaxBytes()).isEqualTo(100L * 1024 * 1024);
    }

    @Test
    void everyKeyIsReadAndRelativePathsAreRelativeToTheFile() throws IOException {
        Files.writeString(dir.resolve("token.txt"), TOKEN + "\n");
        InfluxConfig config = read("""
            influxdb:
              url: https://influx.example.com/prefix
              api: v2
              org: acme
              bucket: medic
              token: {file: token.txt}
              batch-size: 250
              flush-interval: 2s
              timeout: 1m
              gzip: false
              spool:
                directory: spool-here
                max-bytes: 64MB
            """).orFail();

        assertThat(config.org()).contains("acme");
        assertThat(config.bucket()).contains("medic");
        assertThat(config.token()).get().extracting(Secret::reveal).isEqualTo(TOKEN);
        assertThat(config.token().get().source()).isEqualTo("file " + dir.resolve("token.txt"));
        assertThat(config.batchSize()).isEqualTo(250);
        assertThat(config.flushInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.timeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.gzip()).isFalse();
        assertThat(config.spoolDirectory()).isEqualTo(dir.resolve("spool-here"));
        assertThat(config.spoolMaxBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(config.target()).isEqualTo("bucket 'medic' of organization 'acme'");
    }

    @Test
    void anInlineSecretIsAnErrorThatSaysHowToWriteItAndNeverShowsIt() throws IOException {
        InfluxConfigs.Read read = read("""
            influxdb:
              url: http://127.0.0.1:8086
              api: v1
              database: medic
              username: medic
              password: %s
            """.formatted(PASSWORD));

        assertThat(read.config()).isEmpty();
        assertThat(problems(read)).contains("medic.yml:6:13: influxdb.password: an inline secret is not allowed")
            .contains("password: {env: VARIABLE}").contains("password: {file: /path/to/file}")
            .doesNotContain(PASSWORD);
    }

    @Test
    void aSecretFromTheEnvironmentIsReadAndAnUnsetVariableIsNamed() throws IOException {
        assertThat(read("""
            influxdb: {url: "http://127.0.0.1:8086", api: v1, database: medic, username: medic, password: {env: INFLUX_PASSWORD}}
            """).orFail().password()).get().extracting(Secret::reveal).isEqualTo(PASSWORD);

        InfluxConfigs.Read unset = read("""
            influxdb:
              url: http://127.0.0.1:8086
              api: v2
              org: acme
              bucket: medic
              token: {env: NOT_SET_ANYWHERE}
            """);
        assertThat(problems(unset)).contains("medic.yml:6:16: influxdb.token.env: the environment variable NOT_SET_ANYWHERE "
            + "is not set (or empty) for this process");
    }

    @Test
    void aSecretWrittenWhereTheVariableNameGoesIsNotEchoed() throws IOException {
        InfluxConfigs.Read read = read("""
            influxdb:
              url: http://127.0.0.1:8086
              api: v2
              org: acme
              bucket: medic
              token: {env: "%s"}
            """.formatted(TOKEN));

        assertThat(problems(read)).contains("not an environment variable name").doesNotContain(TOKEN);
    }

    @Test
    void printingTheConfigurationMasksTheSecrets() throws IOException {
        InfluxConfig v1 = read("""
            influxdb: {url: "http://127.0.0.1:8086", api: v1, database: medic, username: medic, password: {env: INFLUX_PASSWORD}}
            """).orFail();
        InfluxConfig v2 = read("""
            influxdb: {url: "http://127.0.0.1:8086", api: v2, org: o, bucket: b, token: {env: INFLUX_TOKEN}}
            """).orFail();

        assertThat(v1.toString()).contains("password ****** (from environment variable INFLUX_PASSWORD)")
            .doesNotContain(PASSWORD);
        assertThat(v2.toString()).contains("token ****** (from environment variable INFLUX_TOKEN)").doesNotContain(TOKEN);
        assertThat(v2.mask("server said: bad token " + TOKEN)).isEqualTo("server said: bad token ******");
    }

    @Test
    void everyProblemIsReportedAtOnceWithLineKeyAndWhatIsAllowed() throws IOException {
        InfluxConfigs.Read read = read("""
            influxdb:
              url: ftp://127.0.0.1
              api: v3
              batch-size: 0
              flush-interval: soon
              gzip: maybe
              colour: red
              spool:
                max-bytes: 1KB
            """);

        assertThat(read.config()).isEmpty();
        assertThat(problems(read))
            .contains("medic.yml:2:8: influxdb.url: value 'ftp://127.0.0.1' is not allowed; expected http://HOST:PORT or https://HOST:PORT")
            .contains("medic.yml:3:8: influxdb.api: value 'v3' is not allowed; expected one of v1, v2")
            .contains("medic.yml:4:15: influxdb.batch-size: expected a whole number from 1 to 50000, found the whole number 0")
            .contains("medic.yml:5:19: influxdb.flush-interval: value 'soon' is not allowed; expected a duration such as 500ms")
            .contains("medic.yml:6:9: influxdb.gzip: expected true or false, found the text 'maybe'")
            .contains("medic.yml:7:3: influxdb.colour: unknown key 'colour'; allowed here: url, api, database")
            .contains("medic.yml:9:16: influxdb.spool.max-bytes: value '1KB' is not allowed; expected a size in bytes");
    }

    @Test
    void missingKeysAndKeysOfTheOtherApiAreReported() throws IOException {
        InfluxConfigs.Read noApi = read("""
            influxdb:
              database: medic
            """);
        assertThat(problems(noApi)).contains("medic.yml:2:3: influxdb: missing key 'url'")
            .contains("missing key 'api'; write api: v1 for InfluxDB 1.x (database), or api: v2");

        InfluxConfigs.Read mixed = read("""
            influxdb:
              url: http://127.0.0.1:8086
              api: v2
              database: medic
              bucket: medic
            """);
        assertThat(problems(mixed)).contains("medic.yml:4:13: influxdb.database: not used with api: v2; that API takes url, org, bucket and token")
            .contains("influxdb: missing key 'org': the organization");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutShowingThem() throws IOException {
        InfluxConfigs.Read read = read("""
            influxdb:
              url: http://medic:%s@127.0.0.1:8086
              api: v1
              database: medic
            """.formatted(PASSWORD));

        assertThat(problems(read)).contains("influxdb.url: credentials in the URL are not allowed").doesNotContain(PASSWORD);
    }

    @Test
    void aCaFileThatHoldsNoCertificateIsReported() throws IOException {
        Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        InfluxConfigs.Read read = read("""
            influxdb:
              url: https://127.0.0.1:8086
              api: v1
              database: medic
              tls:
                ca-file: ca.pem
            """);

        assertThat(problems(read)).contains("medic.yml:6:14: influxdb.tls.ca-file: cannot read certificates from "
            + dir.resolve("ca.pem")).contains("expected a PEM or DER file of CA certificates");
    }

    @Test
    void noSectionMeansNoSink() throws IOException {
        InfluxConfigs.Read read = read("environment: test\n");

        assertThat(read.config()).isEmpty();
        assertThat(read.problems()).isEmpty();
    }
}
