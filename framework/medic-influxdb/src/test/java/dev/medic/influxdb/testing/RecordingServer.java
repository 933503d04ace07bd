package dev.medic.influxdb.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The one stand-in the tests use: a JDK HttpServer on 127.0.0.1 that records every request and
 * answers with a chosen status. It checks the InfluxDB 2.x write path against the documented wire
 * format, since no 2.x server can be installed here; it never pretends to store anything.
 */
public final class RecordingServer implements AutoCloseable {

    /**
     * One request as it arrived.
     *
     * @param method  the HTTP method
     * @param path    the path
     * @param query   the decoded query parameters
     * @param headers the headers, names in lower case, first value
     * @param body    the body, gunzipped when it was sent with Content-Encoding: gzip
     * @param rawBody the body as sent
     */
    public record Request(String method, String path, Map<String, String> query, Map<String, String> headers,
            String body, byte[] rawBody) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 204;
    private volatile int pingStatus = 204;
    private volatile String answer = "";

    private RecordingServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    public static RecordingServer http() throws IOException {
        return new RecordingServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    public static RecordingServer https(TestCertificates certificates) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificates.keyStore())) {
            store.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, TestCertificates.PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new RecordingServer(server);
    }

    /** The status (and JSON body) every following request but {@code GET /ping} is answered with. */
    public void answer(int code, String body) {
        this.status = code;
        this.answer = body;
    }

    /** The status {@code GET /ping} is answered with; 204, as InfluxDB answers, unless set. */
    public void answerPing(int code) {
        this.pingStatus = code;
    }

    public String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        byte[] body = "gzip".equalsIgnoreCase(headers.get("content-encoding"))
            ? new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes() : raw;
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
            query(exchange.getRequestURI().getRawQuery()), headers, new String(body, StandardCharsets.UTF_8), raw));
        int status = exchange.getRequestURI().getPath().equals("/ping") ? pingStatus : this.status;
        byte[] reply = status == pingStatus && exchange.getRequestURI().getPath().equals("/ping") ? new byte[0]
            : answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("X-Influxdb-Version", "v2.7.11");
        exchange.sendResponseHeaders(status, status == 204 || reply.length == 0 ? -1 : reply.length);
        if (status != 204 && reply.length > 0) {
            exchange.getResponseBody().write(reply);
        }
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                query.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
