package dev.medic.influxdb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real InfluxDB 1.x ({@code influxd} from Debian's {@code influxdb} package) for tests: on free
 * loopback ports, with its data in a temporary directory, stopped and started again at will
 * (same ports, same data) to play an outage. Reads back with InfluxQL.
 *
 * <pre>{@code
 * try (InfluxServer influx = InfluxServer.in(dir).start()) {
 *     influx.createDatabase("medic");
 *     ... write ...
 *     influx.query("medic", "SELECT * FROM medic_check");
 * }
 * }</pre>
 */
public final class InfluxServer implements AutoCloseable {

    /** Where influxd is looked for first; {@code $MEDIC_INFLUXD} overrides it. */
    public static final String DEFAULT_INFLUXD = "/usr/bin/influxd";
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final Path directory;
    private final int httpPort;
    private final int rpcPort;
    private final Optional<String[]> admin;
    private final Optional<TestCertificates> tls;
    private Process process;
    private final Thread reaper = new Thread(this::kill, "influxd-reaper");

    private InfluxServer(Path directory, Optional<String[]> admin, Optional<TestCertificates> tls) throws IOException {
        this.directory = directory;
        this.httpPort = freePort();
        this.rpcPort = freePort();
        this.admin = admin;
        this.tls = tls;
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** A plain http server without authentication, keeping its data in {@code directory}. */
    public static InfluxServer in(Path directory) throws IOException {
        return new InfluxServer(directory, Optional.empty(), Optional.empty());
    }

    /** A server with authentication on, and an admin user the harness queries as. */
    public static InfluxServer withAuthentication(Path directory, String adminUser, String adminPassword) throws IOException {
        return new InfluxServer(directory, Optional.of(new String[] {adminUser, adminPassword}), Optional.empty());
    }

    /** A server that speaks only https, with the given certificate. */
    public static InfluxServer withTls(Path directory, TestCertificates certificates) throws IOException {
        return new InfluxServer(directory, Optional.empty(), Optional.of(certificates));
    }

    /** Starts influxd (again, after {@link #stop()}) and waits until {@code /ping} answers 204. */
    public InfluxServer start() throws IOException, InterruptedException {
        if (running()) {
            return this;
        }
        Files.createDirectories(directory);
        Path config = directory.resolve("influxdb.conf");
        Files.writeString(config, configuration());
        process = new ProcessBuilder(influxd(), "-config", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("influxd.log").toFile()))
            .start();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!pingAnswers()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("influxd exited with " + process.exitValue() + ":\n" + log());
            }
            if (System.nanoTime() - deadline > 0) {
                kill();
                throw new IllegalStateException("influxd did not answer /ping within " + START_LIMIT + ":\n" + log());
            }
            Thread.sleep(20);
        }
        if (admin.isPresent()) {
            // Allowed without credentials only while no user exists: the first start.
            request("POST", "/query", "q=" + encode("CREATE USER \"" + admin.get()[0] + "\" WITH PASSWORD '"
                + admin.get()[1] + "' WITH ALL PRIVILEGES"), false);
        }
        return this;
    }

    /** Stops influxd the way a service manager does (SIGTERM) and waits until it has exited. */
    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** The pid of the running influxd. */
    public long pid() {
        return process.pid();
    }

    /** {@code http://127.0.0.1:PORT} (https with TLS). */
    public String url() {
        return (tls.isPresent() ? "https" : "http") + "://127.0.0.1:" + httpPort;
    }

    public int port() {
        return httpPort;
    }

    public void createDatabase(String name) throws IOException {
        command("CREATE DATABASE \"" + name + "\"");
    }

    /** Writes line protocol (nanosecond timestamps) the way any client would, past Medic. */
    public void write(String database, String lineProtocol) throws IOException {
        request("POST", "/write?db=" + encode(database), lineProtocol, true);
    }

    /** Runs an InfluxQL statement that returns no rows, such as CREATE or DROP. */
    public void command(String influxql) throws IOException {
        seriesOf(request("POST", "/query", "q=" + encode(influxql), true));
    }

    /**
     * Runs an InfluxQL query; each row is a map of column to value (tags and fields alike), with
     * {@code time} in epoch milliseconds and the series' name under {@code name}.
     */
    public List<Map<String, Object>> query(String database, String influxql) throws IOException {
        String answer = request("GET", "/query?db=" + encode(database) + "&epoch=ms&q=" + encode(influxql), null, true);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object series : seriesOf(answer)) {
            Map<?, ?> one = (Map<?, ?>) series;
            List<?> columns = (List<?>) one.get("columns");
            for (Object values : (List<?>) one.get("values")) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", one.get("name"));
                if (one.get("tags") instanceof Map<?, ?> tags) {
                    tags.forEach((key, value) -> row.put((String) key, value));
                }
                for (int i = 0; i < columns.size(); i++) {
                    row.put((String) columns.get(i), ((List<?>) values).get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The points in a measurement. */
    public long count(String database, String measurement) throws IOException {
        return query(database, "SELECT * FROM \"" + measurement + "\"").size();
    }

    /** influxd's own HTTP counters since it started, such as {@code pointsWrittenOK} and {@code writeReq}. */
    public Map<String, Long> httpStats() throws IOException {
        Map<String, Long> stats = new LinkedHashMap<>();
        for (Object series : seriesOf(request("GET", "/query?q=" + encode("SHOW STATS FOR 'httpd'"), null, true))) {
            Map<?, ?> one = (Map<?, ?>) series;
            List<?> columns = (List<?>) one.get("columns");
            List<?> values = (List<?>) ((List<?>) one.get("values")).get(0);
            for (int i = 0; i < columns.size(); i++) {
                stats.put((String) columns.get(i), ((Number) values.get(i)).longValue());
            }
        }
        return stats;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
    }

    private String configuration() {
        String root = directory.toAbsolutePath().toString();
        return """
            reporting-disabled = true
            bind-address = "127.0.0.1:%d"
            [meta]
              dir = "%s/meta"
              logging-enabled = false
            [data]
              dir = "%s/data"
              wal-dir = "%s/wal"
              query-log-enabled = false
            [retention]
              enabled = false
            [monitor]
              store-enabled = false
            [subscriber]
              enabled = false
            [continuous_queries]
              enabled = false
            [http]
              enabled = true
              bind-address = "127.0.0.1:%d"
              auth-enabled = %b
              log-enabled = false
              https-enabled = %b
              https-certificate = "%s"
              https-private-key = "%s"
            [logging]
              level = "warn"
            """.formatted(rpcPort, root, root, root, httpPort, admin.isPresent(), tls.isPresent(),
            tls.map(certificates -> certificates.certificate().toString()).orElse(""),
            tls.map(certificates -> certificates.privateKey().toString()).orElse(""));
    }

    private boolean pingAnswers() {
        try {
            HttpURLConnection connection = open("GET", "/ping");
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 204;
        } catch (IOException e) {
            return false;
        }
    }

    private String request(String method, String pathAndQuery, String form, boolean authenticate) throws IOException {
        HttpURLConnection connection = open(method, pathAndQuery);
        if (authenticate && admin.isPresent()) {
            connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (admin.get()[0] + ":" + admin.get()[1]).getBytes(StandardCharsets.UTF_8)));
        }
        if (form != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            connection.getOutputStream().write(form.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
        if (status >= 300) {
            throw new IOException("influxd answered " + status + " to " + method + " " + pathAndQuery + ": " + text);
        }
        return text;
    }

    private HttpURLConnection open(String method, String pathAndQuery) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url() + pathAndQuery).toURL().openConnection();
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(trustingOurCertificate().getSocketFactory());
        }
        connection.setRequestMethod(method);
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(30_000);
        return connection;
    }

    private SSLContext trustingOurCertificate() throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(tls.orElseThrow().keyStore())) {
                store.load(in, TestCertificates.PASSWORD.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static List<?> seriesOf(String answer) {
        Map<?, ?> result = (Map<?, ?>) ((List<?>) ((Map<?, ?>) MiniJson.parse(answer)).get("results")).get(0);
        if (result.get("error") != null) {
            throw new IllegalStateException("InfluxQL error: " + result.get("error"));
        }
        return result.get("series") instanceof List<?> series ? series : List.of();
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("influxd.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String influxd() {
        String configured = System.getenv("MEDIC_INFLUXD");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (Files.isExecutable(Path.of(DEFAULT_INFLUXD))) {
            return DEFAULT_INFLUXD;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "influxd"))) {
                return Path.of(dir, "influxd").toString();
            }
        }
        throw new IllegalStateException("influxd not found: install the Debian package 'influxdb' (.ci/run does), "
            + "or set MEDIC_INFLUXD to its path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
