package dev.medic.packages.http.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends one target's request and follows its redirects by hand.
 *
 * <p>{@link HttpURLConnection} on purpose: {@code java.net.http.HttpClient} starts a selector
 * thread and more machinery on first use, which costs several hundred milliseconds in a fresh
 * JVM (measured in docs/packages/http.md), and {@code medic check} is run by hand and should
 * answer fast. Redirects are followed here rather than by the connection, because the connection
 * never follows from http to https, cannot be given a limit per target, and would keep sending
 * the credential to whatever host a redirect names.
 */
public final class HttpProbe {

    /** The most of a body that is read; health responses are small, and a check must not download a file. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final String USER_AGENT = "medic-http";

    private final HttpTargetOptions options;
    private final UnaryOperator<String> environment;

    /**
     * @param environment looks up environment variables for {@code {env: NAME}} secrets
     */
    public HttpProbe(HttpTargetOptions options, UnaryOperator<String> environment) {
        this.options = options;
        this.environment = environment;
    }

    /**
     * Sends the request and reads the answer.
     *
     * @throws IOException when the {@code ca-file} cannot be used
     * @throws RequestFailedException when a request gets no complete answer: nothing listens, a
     *                                timeout, a TLS failure, a redirect to something not http(s)
     */
    public HttpExchange exchange() throws IOException {
        Optional<SSLSocketFactory> trust = options.caFile().isPresent()
            ? Optional.of(TrustedCertificates.from(options.caFile().get())) : Optional.empty();
        Optional<String> authorization = options.credential().map(credential -> credential.authorization(environment));
        long start = System.nanoTime();
        URI url = options.url();
        String method = options.method();
        List<URI> redirects = new ArrayList<>();
        Optional<ServerCertificate> earliest = Optional.empty();
        while (true) {
            HttpURLConnection connection = null;
            try {
                connection = open(url, method, trust, sameOrigin(url, options.url()) ? authorization : Optional.empty());
                int status = connection.getResponseCode();
                earliest = earlier(earliest, certificate(connection, url));
                Optional<URI> location = REDIRECTS.contains(status) && options.followRedirects()
                    ? location(url, connection.getHeaderField("Location")) : Optional.empty();
                if (location.isPresent() && redirects.size() < options.maxRedirects()) {
                    drain(connection, status);
                    redirects.add(location.get());
                    method = redirectedMethod(method, status);
                    url = location.get();
                    continue;
                }
                Body body = read(connection, status, method);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                return new HttpExchange(method + " " + url, status, headers(connection), body.text(), body.truncated(),
                    elapsed, redirects, location, earliest);
            } catch (IOException | IllegalArgumentException e) {
                throw new RequestFailedException(method + " " + url, e);
            } finally {
                if (connection != null) {
                    connection.disconnect();
                }
            }
        }
    }

    private HttpURLConnection open(URI url, String method, Optional<SSLSocketFactory> trust,
            Optional<String> authorization) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        if (connection instanceof HttpsURLConnection https && trust.isPresent()) {
            https.setSSLSocketFactory(trust.get());
        }
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout((int) options.connectTimeout().toMillis());
        connection.setReadTimeout((int) options.readTimeout().toMillis());
        connection.setUseCaches(false);
        connection.setRequestMethod(method);
        // A fresh connection every time: the response time then includes connecting and the TLS
        // handshake, as a new client would see it, instead of depending on what an earlier check left open.
        connection.setRequestProperty("Connection", "close");
        connection.setRequestProperty("User-Agent", USER_AGENT);
        options.requestHeaders().forEach(connection::setRequestProperty);
        authorization.ifPresent(value -> connection.setRequestProperty("Authorization", value));
        if (method.equals("POST") || method.equals("PUT")) {
            // No body, but an explicit Content-Length: 0, which some servers insist on.
            connection.setDoOutput(true);
            connection.getOutputStream().close();
        }
        return connection;
    }

    private static Optional<URI> location(URI url, String location) throws IOException {
        if (location == null) {
            return Optional.empty();
        }
        URI next;
        try {
            next = url.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new IOException("redirected to '" + location + "', which is not a valid URL", e);
        }
        if (next.getHost() == null || !List.of("http", "https").contains(next.getScheme().toLowerCase(Locale.ROOT))) {
            throw new IOException("redirected to '" + location + "', which is not an http(s) URL with a host");
        }
        return Optional.of(next);
    }

    /** The credential goes only to the origin it was configured for, never to where a redirect points. */
    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
            && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** What browsers and RFC 9110 do: 303 always becomes GET, and so do 301 and 302 after a POST. */
    private static String redirectedMethod(String method, int status) {
        if (method.equals("HEAD")) {
            return method;
        }
        if (status == 303 || (status == 301 || status == 302) && method.equals("POST")) {
            return "GET";
        }
        return method;
    }

    private static Optional<ServerCertificate> certificate(HttpURLConnection connection, URI url) throws IOException {
        if (!(connection instanceof HttpsURLConnection https)) {
            return Optional.empty();
        }
        Certificate[] chain = https.getServerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            return Optional.empty();
        }
        return Optional.of(new ServerCertificate(url.getHost(), leaf.getSubjectX500Principal().getName(),
            leaf.getNotAfter().toInstant()));
    }

    private static Optional<ServerCertificate> earlier(Optional<ServerCertificate> a, Optional<ServerCertificate> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return b.get().notAfter().isBefore(a.get().notAfter()) ? b : a;
    }

    private static Map<String, List<String>> headers(HttpURLConnection connection) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null) {
                headers.merge(name, List.copyOf(values), (first, second) -> {
                    List<String> all = new ArrayList<>(first);
                    all.addAll(second);
                    return all;
                });
            }
        });
        return headers;
    }

    private static void drain(HttpURLConnection connection, int status) {
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (in != null) {
                in.readNBytes(MAX_BODY_BYTES);
            }
        } catch (IOException ignored) {
            // the redirect's own body does not matter
        }
    }

    private static Body read(HttpURLConnection connection, int status, String method) throws IOException {
        if (method.equals("HEAD")) {
            return new Body("", false);
        }
        InputStream stream;
        try {
            stream = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        } catch (IOException e) {
            stream = connection.getErrorStream();
        }
        if (stream == null) {
            return new Body("", false);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean truncated;
        try (InputStream in = stream) {
            bytes.write(in.readNBytes(MAX_BODY_BYTES));
            truncated = in.read() >= 0;
        }
        return new Body(bytes.toString(charset(connection.getContentType())), truncated);
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            Matcher matcher = CHARSET.matcher(contentType);
            if (matcher.find()) {
                try {
                    return Charset.forName(matcher.group(1).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** A request that got no complete answer, named with the request and the cause. */
    public static final class RequestFailedException extends IOException {

        private static final long serialVersionUID = 1L;

        RequestFailedException(String request, Exception cause) {
            super(request + " failed: " + (cause.getClass() == IOException.class ? "" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": ")) + Objects.toString(cause.getMessage(), ""), cause);
        }
    }

    private record Body(String text, boolean truncated) {

        Body {
            Objects.requireNonNull(text);
        }
    }
}
