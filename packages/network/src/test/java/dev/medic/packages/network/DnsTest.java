package dev.medic.packages.network;

import static dev.medic.packages.network.NetworkKit.measured;
import static dev.medic.packages.network.NetworkKit.runTargets;
import static dev.medic.packages.network.NetworkKit.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.medic.engine.Outcome;
import dev.medic.test.TestRun;

/**
 * {@code dns} targets through the JDK's resolver, which is the system's: the names used here are
 * answered from /etc/hosts, so no query leaves the machine. The resolver cannot be pointed at a
 * DNS server on a test port, so no DNS server is started.
 */
class DnsTest {

    @Test
    void aNameThatResolvesToTheExpectedAddressIsHealthyAndTheLookupTimeIsRecorded() {
        TestRun run = runTargets("dns", target("name", "local", "host", "localhost", "addresses", List.of("127.0.0.1")));

        assertThat(run.outcome("NetworkChecks.dns[local]")).as(run.check("NetworkChecks.dns[local]").message())
            .isEqualTo(Outcome.HEALTHY);
        assertThat(measured(run, "network.dns.resolve_ms", "local")).singleElement().satisfies(measurement -> {
            assertThat(measurement.tags()).isEqualTo(Map.of("target", "local"));
            assertThat(measurement.value()).isNotNegative();
        });
    }

    @Test
    void aNameThatResolvesElsewhereIsUnresolvedNamingTheExpectedAndTheFoundAddresses() {
        TestRun run = runTargets("dns", target("name", "local", "host", "localhost", "addresses", List.of("127.0.0.2")));

        assertThat(run.outcome("NetworkChecks.dns[local]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("NetworkChecks.dns[local]").message())
            .contains("addresses 'localhost' resolves to (dns target 'local')")
            .contains("127.0.0.1").contains("could not find the following element(s)").contains("127.0.0.2");
    }

    @Test
    void exactlyTheExpectedAddressesIsHealthy() throws Exception {
        List<String> all = Arrays.stream(InetAddress.getAllByName("localhost")).map(InetAddress::getHostAddress).toList();

        TestRun run = runTargets("dns", target("name", "local", "host", "localhost", "addresses", all, "exact", true));

        assertThat(run.outcome("NetworkChecks.dns[local]")).as(run.check("NetworkChecks.dns[local]").message())
            .isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void anIpv6AddressIsComparedByValueNotBySpelling() {
        TestRun run = runTargets("dns", target("name", "v6", "host", "::1", "addresses", List.of("0:0::1")));

        assertThat(run.outcome("NetworkChecks.dns[v6]")).as(run.check("NetworkChecks.dns[v6]").message())
            .isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void aNameTheResolverRejectsIsUnresolved() {
        // Rejected by the JDK before any lookup: an IPv6 literal without its closing bracket.
        TestRun run = runTargets("dns", target("name", "broken", "host", "[::1"));

        assertThat(run.outcome("NetworkChecks.dns[broken]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("NetworkChecks.dns[broken]").message())
            .contains("dns target 'broken': the resolver knows no address for '[::1'");
    }

    @Test
    void anExpectedAddressThatIsANameIsRefusedRatherThanLookedUp() {
        TestRun run = runTargets("dns", target("name", "local", "host", "localhost", "addresses", List.of("localhost")));

        assertThat(run.check("NetworkChecks.dns[local]").message())
            .contains("dns target 'local': 'localhost' in 'addresses' is not an IPv4 or IPv6 address");
    }
}
