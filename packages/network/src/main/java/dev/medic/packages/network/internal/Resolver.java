package dev.medic.packages.network.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves host names with the JDK's resolver, within a timeout.
 *
 * <p>{@link InetAddress#getAllByName} takes no timeout: it blocks for as long as the system
 * resolver does (attempts times timeout in resolv.conf). The lookup therefore runs on its own
 * daemon thread, and the check stops waiting for it at the timeout; the thread finishes on its
 * own and cannot keep the runner alive.
 */
public final class Resolver {

    private Resolver() {
    }

    /**
     * Every address the name resolves to, in the resolver's order.
     *
     * @throws UnknownHostException when the resolver knows no address for the name
     * @throws TimeoutException     when the resolver did not answer within the timeout
     */
    public static List<InetAddress> resolve(String host, Duration timeout)
            throws UnknownHostException, TimeoutException, InterruptedException {
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
