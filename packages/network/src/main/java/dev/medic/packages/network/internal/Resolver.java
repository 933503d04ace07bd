package dev.medic.packages.network.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves host names with the JDK's resolver, within a timeout.
 *
 * <p>{@link InetAddress#getAllByName} takes no timeout: it blocks for as long as the system
 * resolver does (attempts times timeout in resolv.conf). The lookup therefore runs on its own
 * daemon thread, and the check stops waiting for it at the timeout; the thread finishes on its
 * own and cannot keep the runner alive.
 */
public final class Resolver {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private Resolver() {
    }

    /**
     * An IPv4 address in dotted form, or anything with a colon (which the JDK reads as an IPv6
     * literal or refuses, never resolving it).
     */
    static boolean isAddressLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        Matcher quad = IPV4.matcher(host);
        if (!quad.matches()) {
            return false;
        }
        for (int group = 1; group <= 4; group++) {
            if (Integer.parseInt(quad.group(group)) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every address the name resolves to, in the resolver's order.
     *
     * @throws UnknownHostException when the resolver knows no address for the name
     * @throws TimeoutException     when the resolver did not answer within the timeout
     */
    public static List<InetAddress> resolve(String host, Duration timeout)
            throws UnknownHostException, TimeoutException, InterruptedException {
        if (isAddressLiteral(host)) {
            // Parsed, never looked up: no thread is worth starting for it.
            return List.of(InetAddress.getAllByName(host));
        }
        FutureTask<InetAddress[]> lookup = new FutureTask<>(() -> InetAddress.getAllByName(host));
        Thread thread = new Thread(lookup, "medic-network-resolve");
        thread.setDaemon(true);
        thread.start();
        try {
            return List.of(lookup.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw new UnknownHostException(host + ": " + e.getCause());
        }
    }
}
