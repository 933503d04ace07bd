package dev.medic.packages.network.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small real socket server on 127.0.0.1 that sends a fixed greeting and answers commands by
 * their first word: the stand-in for servers in states that real ones are hard to put into
 * (refusing service, speaking an old protocol version, rejecting EHLO).
 */
public final class GreetingServer implements AutoCloseable {

    private final ServerSocket server;
    private final String greeting;
    private final Map<String, String> answers;

    private GreetingServer(String greeting, Map<String, String> answers) throws IOException {
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.greeting = greeting;
        this.answers = answers;
        Thread thread = new Thread(this::serve, "greeting-server-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Sends the greeting lines (each ends with CRLF), then reads commands until QUIT or the client closes. */
    public static GreetingServer greeting(String... lines) throws IOException {
        return answering(Map.of(), lines);
    }

    /**
     * Like {@link #greeting}, and answers each command whose first word is a key of
     * {@code answers} with its value.
     */
    public static GreetingServer answering(Map<String, String> answers, String... greetingLines) throws IOException {
        Map<String, String> byCommand = new LinkedHashMap<>();
        answers.forEach((command, answer) -> byCommand.put(command.toUpperCase(), answer));
        return new GreetingServer(String.join("\r\n", greetingLines) + "\r\n", byCommand);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(10_000);
                OutputStream out = client.getOutputStream();
                out.write(greeting.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.split(" ", 2)[0].toUpperCase();
                    if (answers.containsKey(command)) {
                        out.write((answers.get(command) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                    if (command.equals("QUIT")) {
                        break;
                    }
                }
            } catch (IOException e) {
                // the client went away, or the server was closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
