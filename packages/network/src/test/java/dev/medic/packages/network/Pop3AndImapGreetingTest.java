package dev.medic.packages.network;

import static dev.medic.packages.network.NetworkKit.measured;
import static dev.medic.packages.network.NetworkKit.runTargets;
import static dev.medic.packages.network.NetworkKit.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

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
 * {@code pop3} and {@code imap} targets against a real Dovecot (dovecot-pop3d, dovecot-imapd)
 * serving both, each check also pointed at the other protocol's port as a server that answers
 * with the wrong greeting; plus a stand-in for an IMAP server that refuses with {@code * BYE}.
 */
class Pop3AndImapGreetingTest {

    @TempDir
    static Path dir;

    private static Daemon dovecot;
    private static int imapPort;
    private static int pop3Port;

    @BeforeAll
    static void startDovecot() throws Exception {
        imapPort = Loopback.freePort();
        pop3Port = Loopback.freePort();
        dovecot = RealServers.dovecot(dir, imapPort, pop3Port);
    }

    @AfterAll
    static void stopDovecot() {
        dovecot.close();
    }

    @Test
    void aRealPop3ServerGreetingWithOkIsHealthy() {
        TestRun run = runTargets("pop3", target("name", "mailbox", "host", "127.0.0.1", "port", pop3Port,
            "expect", "Dovecot"));

        assertThat(run.outcome("NetworkChecks.pop3[mailbox]")).as(run.check("NetworkChecks.pop3[mailbox]").message())
            .isEqualTo(Outcome.HEALTHY);
        assertThat(measured(run, "network.handshake_ms", "mailbox")).singleElement()
            .satisfies(measurement -> assertThat(measurement.tags()).containsEntry("protocol", "pop3"));
    }

    @Test
    void aPop3CheckAgainstAnImapServerIsUnresolvedShowingTheGreeting() {
        TestRun run = runTargets("pop3", target("name", "mailbox", "host", "127.0.0.1", "port", imapPort));

        assertThat(run.outcome("NetworkChecks.pop3[mailbox]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("NetworkChecks.pop3[mailbox]").message()).contains("(expected +OK)").contains("* OK");
    }

    @Test
    void aRealImapServerGreetingWithOkIsHealthy() {
        TestRun run = runTargets("imap", target("name", "mailbox", "host", "127.0.0.1", "port", imapPort,
            "expect", "IMAP4rev1"));

        assertThat(run.outcome("NetworkChecks.imap[mailbox]")).as(run.check("NetworkChecks.imap[mailbox]").message())
            .isEqualTo(Outcome.HEALTHY);
        assertThat(measured(run, "network.connect_ms", "mailbox")).singleElement()
            .satisfies(measurement -> assertThat(measurement.tags()).containsEntry("protocol", "imap"));
    }

    @Test
    void anImapCheckAgainstAPop3ServerIsUnresolvedShowingTheGreeting() {
        TestRun run = runTargets("imap", target("name", "mailbox", "host", "127.0.0.1", "port", pop3Port));

        assertThat(run.outcome("NetworkChecks.imap[mailbox]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("NetworkChecks.imap[mailbox]").message())
            .contains("(expected '* OK' or '* PREAUTH')").contains("+OK Dovecot");
    }

    @Test
    void anImapServerThatSaysByeIsUnresolved() throws Exception {
        try (GreetingServer busy = GreetingServer.greeting("* BYE too many connections, try again later")) {
            TestRun run = runTargets("imap", target("name", "mailbox", "host", "127.0.0.1", "port", busy.port()));

            assertThat(run.check("NetworkChecks.imap[mailbox]").message()).contains("* BYE too many connections");
        }
    }

    @Test
    void anImapServerThatIsAlreadyAuthenticatedIsHealthy() throws Exception {
        try (GreetingServer preauth = GreetingServer.greeting("* PREAUTH IMAP4rev1 server logged in as nobody")) {
            TestRun run = runTargets("imap", target("name", "mailbox", "host", "127.0.0.1", "port", preauth.port()));

            assertThat(run.outcome("NetworkChecks.imap[mailbox]")).isEqualTo(Outcome.HEALTHY);
        }
    }
}
