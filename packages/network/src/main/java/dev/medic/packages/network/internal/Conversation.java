package dev.medic.packages.network.internal;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The exchange with a peer after connecting: reads its lines and bytes within a deadline, sends
 * commands, and keeps what it received so that a failure can show it.
 *
 * <p>Every read that runs out of time, meets the end of the stream, or finds a line longer than
 * any greeting would be fails the check with a message naming the target and what arrived.
 */
public final class Conversation {

    /** What {@link #readByteOrTimeout()} returns when the deadline passed. */
    public static final int TIMED_OUT = -2;

    private static final int MAX_LINE = 4096;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Deadline deadline;
    private final String who;
    private final StringBuilder received = new StringBuilder();

    /**
     * @param who how messages name the peer, such as {@code smtp target 'mail' (127.0.0.1:25)}
     */
    public Conversation(Socket socket, Deadline deadline, String who) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.deadline = deadline;
        this.who = who;
    }

    /** The next line, without its line break; bytes are read as ISO-8859-1, one char each. */
    public String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = readByte();
            if (b < 0) {
                return fail("%s closed the connection before sending a complete line; received: '%s'", who,
                    Texts.printable(received));
            }
            if (b == '\n') {
                int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
                return line.substring(0, end);
            }
            line.append((char) b);
            if (line.length() > MAX_LINE) {
                return fail("%s sent a line longer than %d bytes; received: '%s'", who, MAX_LINE,
                    Texts.printable(received));
            }
        }
    }

    /** The next byte, or -1 at the end of the stream; fails the check when the deadline passes. */
    public int readByte() throws IOException {
        int b = readByteOrTimeout();
        return b == TIMED_OUT ? timedOut() : b;
    }

    /** The next byte, -1 at the end of the stream, or {@link #TIMED_OUT} once the deadline passed. */
    public int readByteOrTimeout() throws IOException {
        int remaining = deadline.remainingMillis();
        if (remaining == 0) {
            return TIMED_OUT;
        }
        socket.setSoTimeout(remaining);
        try {
            int b = in.read();
            if (b >= 0) {
                received.append((char) b);
            }
            return b;
        } catch (SocketTimeoutException e) {
            return TIMED_OUT;
        }
    }

    private int timedOut() {
        return fail("%s sent nothing more within %s; received: '%s'", who, deadline.describeLength(),
            received.length() == 0 ? "nothing" : Texts.printable(received));
    }

    /** Sends a command followed by CRLF. */
    public void send(String command) throws IOException {
        write((command + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Sends a last command, such as {@code QUIT}, so that the server logs a clean goodbye rather
     * than a dropped connection. Its answer does not matter, and neither does a failure to send it.
     */
    public void sayGoodbye(String command) {
        try {
            send(command);
        } catch (IOException ignored) {
            // the check has its answer already
        }
    }

    /** Everything received so far, as a message shows it. */
    public String received() {
        return Texts.printable(received);
    }

    /** How long the exchange may take, as messages show it. */
    public String timeLimit() {
        return deadline.describeLength();
    }

    /** How messages name the peer. */
    public String who() {
        return who;
    }
}
