package dev.medic.examples.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;

/**
 * The service the demo package watches: answers {@code GET /health} with {@code ok} on
 * 127.0.0.1, and keeps its process id in a file while it runs.
 *
 * <p>Usage: {@code java -cp demo-service.jar dev.medic.examples.demo.DemoService PORT PID_FILE}
 */
public final class DemoService {

    private DemoService() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: DemoService PORT PID_FILE");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path pidFile = Path.of(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/health", exchange -> {
            byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // the next start overwrites it
            }
        }));
        System.out.println("demo service listening on 127.0.0.1:" + port + ", pid " + ProcessHandle.current().pid());
    }
}
