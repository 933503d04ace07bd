package dev.medic.packages.system.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Finds TCP sockets in the listening state.
 *
 * <p>On Linux it reads the kernel's socket tables, {@code /proc/net/tcp} and {@code /proc/net/tcp6}:
 * that sees listeners on every address and of every user, and sends nothing, so the watched
 * service never logs a connection from Medic. Where those files cannot be read, {@link #connects}
 * tries a connection instead.
 */
public final class ListeningSockets {

    /** A listening socket: the local address it is bound to and its port. */
    public record Listener(InetAddress address, int port) {

        /** Whether a connection to this address would reach this listener: same address, or bound to all. */
        public boolean accepts(InetAddress wanted) {
            return address.isAnyLocalAddress() || address.equals(wanted);
        }
    }

    private static final String LISTEN = "0A";
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    private ListeningSockets() {
    }

    /** The listeners in the kernel's tables, or empty when this system has no readable tables. */
    public static Optional<List<Listener>> fromKernelTables() {
        List<Listener> listeners = new ArrayList<>();
        boolean readAny = false;
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            try {
                listeners.addAll(parse(Files.readAllLines(table)));
                readAny = true;
            } catch (IOException unreadable) {
                // the other table may still be read; none at all means no answer
            }
        }
        return readAny ? Optional.of(listeners) : Optional.empty();
    }

    /**
     * The listening sockets in the lines of {@code /proc/net/tcp} or {@code tcp6}. A line reads
     * {@code sl local_address rem_address st ...}, the address as hex in the kernel's byte order,
     * 32 bits at a time, then {@code :} and the port in hex.
     */
    static List<Listener> parse(List<String> lines) {
        List<Listener> listeners = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4 || !fields[3].equals(LISTEN) || !fields[1].contains(":")) {
                continue;
            }
            String[] local = fields[1].split(":");
            try {
                listeners.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
            } catch (IllegalArgumentException | UnknownHostException malformed) {
                // a header line or a format this reader does not know; skip it
            }
        }
        return listeners;
    }

    private static InetAddress address(String hex) throws UnknownHostException {
        byte[] bytes = HexFormat.of().parseHex(hex);
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            for (int word = 0; word < bytes.length; word += 4) {
                reverse(bytes, word);
            }
        }
        // an IPv4-mapped IPv6 address (::ffff:127.0.0.1) comes back as the IPv4 address
        return InetAddress.getByAddress(bytes);
    }

    private static void reverse(byte[] bytes, int from) {
        for (int i = 0; i < 2; i++) {
            byte kept = bytes[from + i];
            bytes[from + i] = bytes[from + 3 - i];
            bytes[from + 3 - i] = kept;
        }
    }

    /** Whether a TCP connection to the address and port is accepted within the timeout. */
    public static boolean connects(InetAddress address, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) Math.max(1, timeout.toMillis()));
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
