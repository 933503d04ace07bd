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

/** {@code ssh} targets against a real OpenSSH sshd (openssh-server) and stand-ins for an SSH-1 server and a non-SSH one. */
class SshGreetingTest {

    @TempDir
    static Path dir;

    private static Daemon sshd;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        port = Loopback.freePort();
        sshd = RealServers.sshd(dir, port);
    }

    @AfterAll
    static void stopServer() {
        sshd.close();
    }

    @Test
    void aRealSshServerIdentifyingAsSsh2IsHealthy() {
        TestRun run = runTargets("ssh", target("name", "bastion", "host", "127.0.0.1", "port", port,
            "expect", "OpenSSH"));

        assertThat(run.outcome("NetworkChecks.ssh[bastion]")).as(run.check("NetworkChecks.ssh[bastion]").message())
            .isEqualTo(Outcome.HEALTHY);
        assertThat(measured(run, "network.handshake_ms", "bastion")).singleElement()
            .satisfies(measurement -> assertThat(measurement.tags()).containsEntry("protocol", "ssh"));
    }

    @Test
    void anSsh1OnlyServerIsUnresolved() throws Exception {
        try (GreetingServer old = GreetingServer.greeting("SSH-1.5-OldServer_1.2.3")) {
            TestRun run = runTargets("ssh", target("name", "bastion", "host", "127.0.0.1", "port", old.port()));

            assertThat(run.outcome("NetworkChecks.ssh[bastion]")).isEqualTo(Outcome.UNRESOLVED);
            assertThat(run.check("NetworkChecks.ssh[bastion]").message()).contains("(expected protocol version 2.0)")
                .contains("SSH-1.5-OldServer_1.2.3");
        }
    }

    @Test
    void linesBeforeTheIdentificationStringAreSkipped() throws Exception {
        try (GreetingServer chatty = GreetingServer.greeting("Authorised users only.", "SSH-1.99-Compat_1.0")) {
            TestRun run = runTargets("ssh", target("name", "bastion", "host", "127.0.0.1", "port", chatty.port()));

            assertThat(run.outcome("NetworkChecks.ssh[bastion]")).as(run.check("NetworkChecks.ssh[bastion]").message())
                .isEqualTo(Outcome.HEALTHY);
        }
    }

    @Test
    void aServerThatIsNotSshIsUnresolvedShowingWhatItSent() throws Exception {
        try (GreetingServer smtp = GreetingServer.greeting("220 mail.example.org ESMTP")) {
            TestRun run = runTargets("ssh", target("name", "bastion", "host", "127.0.0.1", "port", smtp.port(),
                "timeout", "500ms"));

            assertThat(run.outcome("NetworkChecks.ssh[bastion]")).isEqualTo(Outcome.UNRESOLVED);
            assertThat(run.check("NetworkChecks.ssh[bastion]").message()).contains("220 mail.example.org ESMTP");
        }
    }
}
