package dev.medic.packages.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import dev.medic.api.Measurements;
import dev.medic.api.Target;

/**
 * A name resolves, through the JDK's resolver (the system's: /etc/hosts, then DNS as nsswitch.conf
 * says), to the expected addresses: every one of them, and with {@code exact: true} no other.
 * Only A and AAAA answers can be checked this way; see docs/packages/network.md.
 */
public final class DnsCheck {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private DnsCheck() {
    }

    public static void run(Target target, Measurements measurements) throws InterruptedException {
        TargetOptions options = TargetOptions.read(target, "dns", List.of("addresses", "exact"));
        String host = options.host();
        List<String> expected = expectedAddresses(options);
        boolean exact = options.flag("exact", false);
        if (exact && expected.isEmpty()) {
            throw options.problem("'exact: true' needs the expected 'addresses'");
        }
        long start = System.nanoTime();
        List<InetAddress> resolved;
        try {
            resolved = Resolver.resolve(host, options.timeout());
        } catch (UnknownHostException e) {
            fail("dns target '%s': the resolver knows no address for '%s' (%s)", options.name(), host, e.getMessage());
            return;
        } catch (TimeoutException e) {
            fail("dns target '%s': the resolver did not answer for '%s' within %s", options.name(), host,
                Texts.duration(options.timeout()));
            return;
        }
        Metrics.of(measurements, options.name()).record(Metrics.DNS_RESOLVE_MS, Texts.millis(System.nanoTime() - start));
        List<String> found = resolved.stream().map(InetAddress::getHostAddress).distinct().toList();
        assertThat(found).as("addresses '%s' resolves to (dns target '%s')", host, options.name()).containsAll(expected);
        if (exact) {
            assertThat(found).as("addresses '%s' resolves to (dns target '%s', exact)", host, options.name())
                .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /**
     * The expected addresses in the form the resolver's answers take ({@code ::1} becomes
     * {@code 0:0:0:0:0:0:0:1}). Only address literals are accepted: a name here would be looked up.
     */
    private static List<String> expectedAddresses(TargetOptions options) {
        List<String> addresses = new ArrayList<>();
        for (String text : options.list("addresses")) {
            String literal = text.strip();
            if (!IPV4.matcher(literal).matches() && literal.indexOf(':') < 0) {
                throw options.problem("'" + literal + "' in 'addresses' is not an IPv4 or IPv6 address");
            }
            try {
                // a literal is parsed, never looked up
                addresses.add(InetAddress.getByName(literal).getHostAddress());
            } catch (UnknownHostException e) {
                throw options.problem("'" + literal + "' in 'addresses' is not a valid address: " + e.getMessage());
            }
        }
        return addresses.stream().distinct().toList();
    }
}
