package dev.medic.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/** A Healthchecks.io stand-in on 127.0.0.1 that answers 200 to every ping and keeps them. */
final class PingServer implements AutoCloseable {

    /** One ping as it arrived. */
    record Ping(String method, String path, String query, String body) {

        /** The Healthchecks.io {@code rid} this ping carries, or empty. */
        String runId() {
            return query == null || !query.startsWith("rid=") ? "" : query.substring(4);
        }
    }

    private final HttpServer server;
    private final List<Ping> pings = new CopyOnWriteArrayList<>();

    private PingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                pings.add(new Ping(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("OK".getBytes(StandardCharsets.US_ASCII));
            exchange.close();
        });
        server.start();
    }

    static PingServer start() throws IOException {
        return new PingServer();
    }

    /** The ping URL of a check with the given key. */
    String url(String key) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ping/" + key;
    }

    List<Ping> pings() {
        return List.copyOf(pings);
    }

    /** Waits until a ping matches, for a process that pings on its own time; fails after the deadline. */
    Ping await(Predicate<Ping> wanted, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            for (Ping ping : pings) {
                if (wanted.test(ping)) {
                    return ping;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching ping within " + deadline + "; received " + pings);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
