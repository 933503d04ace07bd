package dev.medic.examples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * One small HTTP GET against the demo service on 127.0.0.1.
 *
 * <p>Plain {@link HttpURLConnection} on purpose: {@code java.net.http.HttpClient} sets up TLS and
 * a selector thread on first use, which costs about half a second in a fresh JVM, and
 * {@code medic check} is run by hand and should answer fast.
 */
final class Http {

    private Http() {
    }

    /** The status code of {@code GET http://127.0.0.1:PORT/health}; throws when nothing answers. */
    static int health(int port) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health")
            .toURL().openConnection();
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(3000);
        try {
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return status;
        } finally {
            connection.disconnect();
        }
    }
}
