package dev.medic.packages.network;

import static dev.medic.packages.network.NetworkKit.measured;
import static dev.medic.packages.network.NetworkKit.network;
import static dev.medic.packages.network.NetworkKit.runTargets;
import static dev.medic.packages.network.NetworkKit.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.medic.engine.Outcome;
import dev.medic.packages.network.peers.Daemon;
import dev.medic.test.TestRun;

/**
 * {@code ping} targets with the system's ping (iputils-ping) against 127.0.0.1. For an address
 * that does not answer, the same ping runs in a network namespace of its own (unshare, from
 * util-linux), where even the loopback interface is down: nothing is sent off the machine.
 */
class PingTest {

    @BeforeAll
    static void pingIsInstalled() {
        Daemon.requireProgram("/usr/bin/ping", "iputils-ping");
    }

    @Test
    void loopbackAnswersAndTheRoundTripTimeIsRecorded() {
        TestRun run = runTargets("ping", target("name", "self", "host", "127.0.0.1", "count", 2));

        assertThat(run.outcome("NetworkChecks.ping[self]")).as(run.check("NetworkChecks.ping[self]").message())
            .isEqualTo(Outcome.HEALTHY);
        assertThat(measured(run, "network.ping.rtt_ms", "self")).singleElement()
            .satisfies(measurement -> assertThat(measurement.value()).isNotNegative());
        assertThat(measured(run, "network.ping.loss_percent", "self")).singleElement()
            .satisfies(measurement -> assertThat(measurement.value()).isZero());
    }

    @Test
    void anUnreachableAddressIsUnresolvedWithWhatPingSaid() {
        TestRun run = network()
            .setting("ping-command", List.of("unshare", "--map-root-user", "--net", "ping"))
            .setting("ping", List.of(target("name", "isolated", "host", "127.0.0.1", "timeout", "1s")))
            .run("NetworkChecks.ping");

        assertThat(run.outcome("NetworkChecks.ping[isolated]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("NetworkChecks.ping[isolated]").message())
            .contains("echo replies from 127.0.0.1 to 1 request(s) within 1s (ping target 'isolated'; unshare exited with 2")
            .contains("Network is unreachable");
        // a failing check is retried, so each attempt recorded its loss
        assertThat(measured(run, "network.ping.loss_percent", "isolated")).isNotEmpty()
            .allSatisfy(measurement -> assertThat(measurement.value()).isEqualTo(100.0));
        assertThat(measured(run, "network.ping.rtt_ms", "isolated")).isEmpty();
    }

    @Test
    void aPingCommandThatCannotRunIsUnresolvedSayingSo() {
        TestRun run = network()
            .setting("ping", List.of(target("name", "self", "host", "127.0.0.1", "ping-command", List.of("/nonexistent/ping"))))
            .run("NetworkChecks.ping");

        assertThat(run.check("NetworkChecks.ping[self]").message())
            .contains("ping target 'self': cannot run /nonexistent/ping");
    }

    @Test
    void aHostThatLooksLikeAnOptionIsRefused() {
        TestRun run = runTargets("ping", target("name", "flood", "host", "-f"));

        assertThat(run.check("NetworkChecks.ping[flood]").message()).contains("host '-f' cannot start with '-'");
    }
}
