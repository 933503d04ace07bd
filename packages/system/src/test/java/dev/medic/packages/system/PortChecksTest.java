package dev.medic.packages.system;

import static dev.medic.packages.system.SystemPackage.measured;
import static dev.medic.packages.system.SystemPackage.target;
import static dev.medic.packages.system.SystemPackage.withTargets;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.medic.engine.Outcome;
import dev.medic.test.TestRun;

/** A port is listening, against real sockets on 127.0.0.1. */
class PortChecksTest {

    private ServerSocket server;

    private int listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        return server.getLocalPort();
    }

    /** A port that was just free: taken and released again. */
    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aListeningPortIsFoundInTheKernelsSocketTables() throws IOException {
        int port = listen();

        TestRun run = withTargets("ports", target("app", "port", port, "method", "proc")).check();

        assertThat(run.outcome("PortChecks.isListening[app]")).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void aListenerOnTheConfiguredAddressCounts() throws IOException {
        int port = listen();

        TestRun run = withTargets("ports", target("app", "port", port, "address", "127.0.0.1")).check();

        assertThat(run.outcome("PortChecks.isListening[app]")).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void aListenerOnAnotherAddressDoesNotCount() throws IOException {
        int port = listen();

        TestRun run = withTargets("ports", target("app", "port", port, "address", "127.0.0.2", "method", "proc")).check();

        assertThat(run.outcome("PortChecks.isListening[app]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("PortChecks.isListening[app]").message()).contains("TCP port " + port + " on 127.0.0.2");
    }

    @Test
    void aPortNobodyListensOnFails() throws IOException {
        int port = freePort();

        TestRun run = withTargets("ports", target("app", "port", port, "method", "proc")).check();

        assertThat(run.outcome("PortChecks.isListening[app]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("PortChecks.isListening[app]").message())
            .contains("listeners on TCP port " + port + " in /proc/net/tcp and tcp6");
    }

    @Test
    void theConnectMethodFindsAListenerOnLoopback() throws IOException {
        int port = listen();

        TestRun run = withTargets("ports", target("app", "port", port, "method", "connect")).check();

        assertThat(run.outcome("PortChecks.isListening[app]")).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void theConnectMethodFailsWhenTheConnectionIsRefused() throws IOException {
        int port = freePort();

        TestRun run = withTargets("ports", target("app", "port", port, "method", "connect")).check();

        assertThat(run.outcome("PortChecks.isListening[app]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("PortChecks.isListening[app]").message()).contains("a connection to TCP port " + port + " on loopback");
    }

    @Test
    void aHostNameIsRefusedSoThatNoCheckWaitsOnDns() throws IOException {
        TestRun run = withTargets("ports", target("app", "port", listen(), "address", "example.com")).check();

        assertThat(run.check("PortChecks.isListening[app]").message())
            .contains("setting 'address' has value 'example.com'; expected an IP address");
    }

    @Test
    void statsRecordWhetherThePortIsListening() throws IOException {
        int open = listen();
        int closed = freePort();

        TestRun run = withTargets("ports", target("open", "port", open), target("closed", "port", closed)).run();

        assertThat(measured(run, "system.port.listening", "open")).containsExactly(1.0);
        assertThat(measured(run, "system.port.listening", "closed")).containsExactly(0.0);
    }
}
