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
import dev.medic.packages.network.peers.Loopback;
import dev.medic.packages.network.peers.RealServers;
import dev.medic.test.TestRun;

/**
 * {@code telnet} targets against a real telnetd (inetutils-telnetd, started per connection by
 * socat as inetd would), which negotiates options before it shows its banner.
 */
class TelnetTest {

    private static final String BANNER = "medic test host - authorised access only";

    @TempDir
    static Path dir;

    private static Daemon telnetd;
    private static int port;

    @BeforeAll
    static void startTelnetd() throws Exception {
        port = Loopback.freePort();
        telnetd = RealServers.telnetd(dir, port, BANNER);
    }

    @AfterAll
    static void stopTelnetd() {
        telnetd.close();
    }

    @Test
    void anAcceptedConnectionIsHealthy() {
        TestRun run = runTargets("telnet", target("name", "switch", "host", "127.0.0.1", "port", port));

        assertThat(run.outcome("NetworkChecks.telnet[switch]")).isEqualTo(Outcome.HEALTHY);
        assertThat(measured(run, "network.connect_ms", "switch")).singleElement()
            .satisfies(measurement -> assertThat(measurement.tags()).containsEntry("protocol", "telnet"));
        assertThat(measured(run, "network.handshake_ms", "switch")).isEmpty();
    }

    @Test
    void theExpectedBannerIsFoundAfterOptionNegotiation() {
        TestRun run = runTargets("telnet", target("name", "switch", "host", "127.0.0.1", "port", port,
            "expect", "authorised access only"));

        assertThat(run.outcome("NetworkChecks.telnet[switch]")).as(run.check("NetworkChecks.telnet[switch]").message())
            .isEqualTo(Outcome.HEALTHY);
        assertThat(measured(run, "network.handshake_ms", "switch")).singleElement()
            .satisfies(measurement -> assertThat(measurement.value()).isPositive());
    }

    @Test
    void aBannerWithoutTheExpectedTextIsUnresolvedShowingTheTextWithoutNegotiation() {
        TestRun run = runTargets("telnet", target("name", "switch", "host", "127.0.0.1", "port", port,
            "expect", "Cisco IOS", "timeout", "1s"));

        assertThat(run.outcome("NetworkChecks.telnet[switch]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("NetworkChecks.telnet[switch]").message())
            .contains("text telnet target 'switch' (127.0.0.1:" + port + ") showed within 1s")
            .contains(BANNER).contains("Cisco IOS").doesNotContain("\\xff");
    }

    @Test
    void aTelnetPortNothingListensOnIsUnresolved() {
        TestRun run = runTargets("telnet", target("name", "switch", "host", "127.0.0.1", "port", Loopback.freePort()));

        assertThat(run.check("NetworkChecks.telnet[switch]").message()).contains("telnet target 'switch': could not connect");
    }
}
