package dev.medic.packages.network.internal;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A TCP connection to a target, and how long it took to set up.
 *
 * @param socket         the connected socket; the caller closes it
 * @param connectNanos   from the first connection attempt until connected, without the name lookup
 */
public record Connection(Socket socket, long connectNanos) {

    /**
     * Resolves the target's host and connects to its port, trying each address in turn within the
     * timeout. Fails the check, naming the target, the address and what went wrong, when no address
     * accepts the connection.
     */
    public static Connection open(TargetOptions target, int port) throws InterruptedException {
        String host = target.host();
        String where = Endpoints.of(host, port);
        List<InetAddress> addresses = resolve(target, host);
        Deadline deadline = Deadline.after(target.timeout());
        long start = System.nanoTime();
        String failure = "";
        for (InetAddress address : addresses) {
            if (deadline.hasPassed()) {
                break;
            }
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), deadline.remainingMillis());
                return new Connection(socket, System.nanoTime() - start);
            } catch (ConnectException e) {
                failure = "connection refused by " + address.getHostAddress() + " (" + e.getMessage() + ")";
            } catch (SocketTimeoutException e) {
                failure = "no answer from " + address.getHostAddress();
            } catch (IOException e) {
                failure = address.getHostAddress() + ": " + e;
            }
            closeQuietly(socket);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while connecting to " + where);
            }
        }
        if (failure.isEmpty()) {
            failure = "no answer";
        }
        return fail("%s target '%s': could not connect to %s within %s: %s", target.kind(), target.name(), where,
            deadline.describeLength(), failure);
    }

    private static List<InetAddress> resolve(TargetOptions target, String host) throws InterruptedException {
        try {
            return Resolver.resolve(host, target.timeout());
        } catch (UnknownHostException e) {
            return fail("%s target '%s': cannot resolve host '%s': %s", target.kind(), target.name(), host,
                e.getMessage());
        } catch (TimeoutException e) {
            return fail("%s target '%s': the resolver did not answer for host '%s' within %s", target.kind(),
                target.name(), host, Texts.duration(target.timeout()));
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket that failed to connect; nothing to report
        }
    }

    /** Milliseconds the connection took to set up. */
    public double connectMillis() {
        return Texts.millis(connectNanos);
    }
}
