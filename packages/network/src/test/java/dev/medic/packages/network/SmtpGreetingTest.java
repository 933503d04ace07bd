package dev.medic.packages.network;

import static dev.medic.packages.network.NetworkKit.measured;
import static dev.medic.packages.network.NetworkKit.runTargets;
import static dev.medic.packages.network.NetworkKit.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.Outcome;
import dev.medic.packages.network.peers.Daemon;
import dev.medic.packages.network.peers.GreetingServer;
import dev.medic.packages.network.peers.Loopback;
import dev.medic.packages.network.peers.RealServers;
import dev.medic.test.TestRun;

/**
 * {@code smtp} targets against a real SMTP server (aiosmtpd, from python3-aiosmtpd), and against
 * stand-ins for servers that refuse service or reject EHLO.
 */
class SmtpGreetingTest {

    @TempDir
    static Path dir;

    private static Daemon smtpd;
    private static int port;

    @BeforeAll
    static void startSmtpServer() throws Exception {
        port = Loopback.freePort();
        smtpd = RealServers.smtpd(dir, port);
    }

    @AfterAll
    static void stopSmtpServer() {
        smtpd.close();
    }

    @Test
    void aRealSmtpServerThatGreetsAndAnswersEhloIsHealthy() {
        TestRun run = runTargets("smtp", target("name", "mail", "host", "127.0.0.1", "port", port,
            "ehlo", "medic.test", "expect", "SMTP"));

        assertThat(run.outcome("NetworkChecks.smtp[mail]")).as(run.check("NetworkChecks.smtp[mail]").message())
            .isEqualTo(Outcome.HEALTHY);
        assertThat(measured(run, "network.connect_ms", "mail")).singleElement()
            .satisfies(measurement -> assertThat(measurement.tags()).containsEntry("protocol", "smtp"));
        assertThat(measured(run, "network.handshake_ms", "mail")).singleElement()
            .satisfies(measurement -> assertThat(measurement.value()).isPositive());
    }

    @Test
    void aServerThatRefusesServiceWith554IsUnresolvedShowingItsGreeting() throws Exception {
        try (GreetingServer refusing = GreetingServer.greeting("554 mail.example.org no SMTP service here")) {
            TestRun run = runTargets("smtp", target("name", "mail", "host", "127.0.0.1", "port", refusing.port()));

            assertThat(run.outcome("NetworkChecks.smtp[mail]")).isEqualTo(Outcome.UNRESOLVED);
            assertThat(run.check("NetworkChecks.smtp[mail]").message())
                .contains("greeting of smtp target 'mail' (127.0.0.1:" + refusing.port() + ") (expected reply code 220)")
                .contains("554 mail.example.org no SMTP service here");
            assertThat(measured(run, "network.handshake_ms", "mail")).isEmpty();
        }
    }

    @Test
    void aServerThatGreetsButRejectsEhloIsUnresolved() throws Exception {
        try (GreetingServer rejecting = GreetingServer.answering(Map.of("EHLO", "502 5.5.1 command not implemented"),
                "220-mail.example.org ESMTP", "220 second line of a multi-line greeting")) {
            TestRun run = runTargets("smtp", target("name", "mail", "host", "127.0.0.1", "port", rejecting.port(),
                "ehlo", "medic.test"));

            assertThat(run.check("NetworkChecks.smtp[mail]").message())
                .contains("answer of smtp target 'mail'").contains("to EHLO medic.test (expected reply code 250)")
                .contains("502 5.5.1 command not implemented");
        }
    }

    @Test
    void aGreetingWithoutTheExpectedTextIsUnresolved() {
        TestRun run = runTargets("smtp", target("name", "mail", "host", "127.0.0.1", "port", port, "expect", "Postfix"));

        assertThat(run.outcome("NetworkChecks.smtp[mail]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("NetworkChecks.smtp[mail]").message()).contains("Python SMTP").contains("Postfix");
    }

    @Test
    void anSmtpPortNothingListensOnIsUnresolved() {
        TestRun run = runTargets("smtp", target("name", "mail", "host", "127.0.0.1", "port", Loopback.freePort()));

        assertThat(run.check("NetworkChecks.smtp[mail]").message()).contains("smtp target 'mail': could not connect");
    }

    @Test
    void anEhloNameThatCouldSmuggleACommandIsRefusedBeforeConnecting() {
        TestRun run = runTargets("smtp", target("name", "mail", "host", "127.0.0.1", "port", Loopback.freePort(),
            "ehlo", "x\r\nRCPT TO:<a@b>"));

        assertThat(run.check("NetworkChecks.smtp[mail]").message())
            .contains("smtp target 'mail': ehlo 'x\\r\\nRCPT TO:<a@b>' is not a domain name or address literal");
    }
}
