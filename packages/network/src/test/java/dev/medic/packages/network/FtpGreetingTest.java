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

/** {@code ftp} targets against a real FTP server (pyftpdlib, from python3-pyftpdlib) and a stand-in that is not available. */
class FtpGreetingTest {

    @TempDir
    static Path dir;

    private static Daemon ftpd;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        port = Loopback.freePort();
        ftpd = RealServers.ftpd(dir, port);
    }

    @AfterAll
    static void stopServer() {
        ftpd.close();
    }

    @Test
    void aRealFtpServerGreetingWith220IsHealthy() {
        TestRun run = runTargets("ftp", target("name", "files", "host", "127.0.0.1", "port", port,
            "expect", "pyftpdlib"));

        assertThat(run.outcome("NetworkChecks.ftp[files]")).as(run.check("NetworkChecks.ftp[files]").message())
            .isEqualTo(Outcome.HEALTHY);
        assertThat(measured(run, "network.handshake_ms", "files")).singleElement()
            .satisfies(measurement -> assertThat(measurement.tags()).containsEntry("protocol", "ftp"));
    }

    @Test
    void anFtpServerAnswering421IsUnresolvedShowingTheReply() throws Exception {
        try (GreetingServer unavailable = GreetingServer.greeting("421 Service not available, closing control connection.")) {
            TestRun run = runTargets("ftp", target("name", "files", "host", "127.0.0.1", "port", unavailable.port()));

            assertThat(run.outcome("NetworkChecks.ftp[files]")).isEqualTo(Outcome.UNRESOLVED);
            assertThat(run.check("NetworkChecks.ftp[files]").message()).contains("(expected reply code 220)")
                .contains("421 Service not available");
        }
    }

    @Test
    void aMultiLineGreetingIsReadToItsLastLine() throws Exception {
        try (GreetingServer notice = GreetingServer.greeting("220-Welcome", "Usage is logged.", "  220 is not the end",
                "220 ready")) {
            TestRun run = runTargets("ftp", target("name", "files", "host", "127.0.0.1", "port", notice.port(),
                "expect", "Usage is logged"));

            assertThat(run.outcome("NetworkChecks.ftp[files]")).as(run.check("NetworkChecks.ftp[files]").message())
                .isEqualTo(Outcome.HEALTHY);
        }
    }

    @Test
    void aServerThatAcceptsButNeverGreetsIsUnresolvedAfterTheTimeout() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            TestRun run = runTargets("ftp", target("name", "files", "host", "127.0.0.1", "port", silent.getLocalPort(),
                "timeout", "300ms"));

            assertThat(run.check("NetworkChecks.ftp[files]").message())
                .contains("ftp target 'files' (127.0.0.1:" + silent.getLocalPort() + ") sent nothing more within 300ms")
                .contains("received: 'nothing'");
        }
    }
}
