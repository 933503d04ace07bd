package dev.medic.packages.network;

import static dev.medic.packages.network.NetworkKit.measured;
import static dev.medic.packages.network.NetworkKit.network;
import static dev.medic.packages.network.NetworkKit.runTargets;
import static dev.medic.packages.network.NetworkKit.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.medic.engine.CheckRecord;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.packages.network.peers.Loopback;
import dev.medic.test.TestRun;

/** {@code tcp} targets, against a real listening socket on 127.0.0.1 and a port nothing listens on. */
class TcpPortTest {

    @Test
    void aPortThatAcceptsConnectionsIsHealthyAndItsConnectTimeIsRecorded() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TestRun run = runTargets("tcp", target("name", "db", "host", "127.0.0.1", "port", server.getLocalPort()));

            assertThat(run.outcome("NetworkChecks.tcp[db]")).isEqualTo(Outcome.HEALTHY);
            assertThat(measured(run, "network.connect_ms", "db")).singleElement().satisfies(measurement -> {
                assertThat(measurement.tags()).isEqualTo(Map.of("target", "db", "protocol", "tcp"));
                assertThat(measurement.value()).isNotNegative();
                assertThat(measurement.source()).isEqualTo("NetworkChecks.tcp[db]");
            });
        }
    }

    @Test
    void aPortNothingListensOnIsUnresolvedSayingTheConnectionWasRefused() {
        int port = Loopback.freePort();

        TestRun run = runTargets("tcp", target("name", "db", "host", "127.0.0.1", "port", port));

        assertThat(run.outcome("NetworkChecks.tcp[db]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.reason("NetworkChecks.tcp[db]")).isEqualTo(Reason.NO_REPAIR);
        assertThat(run.check("NetworkChecks.tcp[db]").message())
            .contains("tcp target 'db': could not connect to 127.0.0.1:" + port)
            .contains("connection refused");
        assertThat(measured(run, "network.connect_ms", "db")).isEmpty();
    }

    @Test
    void eachTargetIsItsOwnCheckWithItsOwnOutcome() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TestRun run = runTargets("tcp",
                target("name", "up", "host", "127.0.0.1", "port", server.getLocalPort()),
                target("name", "down", "host", "127.0.0.1", "port", Loopback.freePort()),
                target("name", "off", "host", "127.0.0.1", "port", 1, "enabled", false));

            assertThat(run.checks()).extracting(record -> record.check().name(), CheckRecord::outcome).containsExactly(
                tuple("NetworkChecks.tcp[up]", Outcome.HEALTHY), tuple("NetworkChecks.tcp[down]", Outcome.UNRESOLVED));
        }
    }

    @Test
    void oneTargetCanBeCheckedAlone() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TestRun run = network().setting("tcp", List.of(
                    target("name", "up", "host", "127.0.0.1", "port", server.getLocalPort()),
                    target("name", "down", "host", "127.0.0.1", "port", Loopback.freePort())))
                .run("NetworkChecks.tcp[up]");

            assertThat(run.checks()).extracting(record -> record.check().name()).containsExactly("NetworkChecks.tcp[up]");
            assertThat(run.outcome("NetworkChecks.tcp[up]")).isEqualTo(Outcome.HEALTHY);
        }
    }

    @Test
    void medicCheckReportsAClosedPortAsCheckOnly() {
        TestRun run = network().setting("tcp", List.of(target("name", "down", "host", "127.0.0.1", "port", Loopback.freePort())))
            .check();

        assertThat(run.outcome("NetworkChecks.tcp[down]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.reason("NetworkChecks.tcp[down]")).isEqualTo(Reason.CHECK_ONLY);
    }

    @Test
    void aTargetWithAMisspeltKeyFailsNamingTheKeysItTakes() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TestRun run = runTargets("tcp", target("name", "db", "host", "127.0.0.1", "port", server.getLocalPort(),
                "timout", "1s"));

            assertThat(run.outcome("NetworkChecks.tcp[db]")).isEqualTo(Outcome.UNRESOLVED);
            assertThat(run.check("NetworkChecks.tcp[db]").message())
                .contains("tcp target 'db' has unknown key timout; tcp targets take: name, enabled, host, timeout, port");
        }
    }

    @Test
    void aTargetWithoutHostOrPortFailsSayingWhichIsMissing() {
        TestRun run = runTargets("tcp", target("name", "nohost", "port", 22), target("name", "noport", "host", "127.0.0.1"));

        assertThat(run.check("NetworkChecks.tcp[nohost]").message()).contains("tcp target 'nohost' needs a 'host'");
        assertThat(run.check("NetworkChecks.tcp[noport]").message()).contains("tcp target 'noport': needs a 'port'");
    }
}
