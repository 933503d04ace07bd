package dev.medic.influxdb.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;

import dev.medic.influxdb.InfluxConfig;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/** The okhttp settings both write paths and the probe share: timeouts, and trust for https. */
public final class HttpClients {

    private HttpClients() {
    }

    /**
     * A client builder: every phase of a request, and the whole call, bounded by the configured
     * timeout; https trusting the configured CA file, or the system's authorities without one.
     * No retries on its own: the spool decides when to try again.
     */
    public static OkHttpClient.Builder builder(InfluxConfig config) {
        Duration timeout = config.timeout();
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout)
            .retryOnConnectionFailure(false)
            .followRedirects(false);
        if ("http".equals(config.url().getScheme())) {
            // Plain http needs no TLS: without a TLS spec okhttp skips loading the system's trust store (~100 ms).
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        } else if (config.caFile().isPresent()) {
            try {
                Tls.Trust trust = Tls.trusting(config.caFile().get());
                builder.sslSocketFactory(trust.context().getSocketFactory(), trust.trustManager());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot use the CA file " + config.caFile().get() + ": " + e.getMessage(), e);
            }
        }
        return builder;
    }

    /** {@code host:port} of the configured URL, for messages. */
    public static String hostAndPort(InfluxConfig config) {
        int port = config.url().getPort() >= 0 ? config.url().getPort() : "https".equals(config.url().getScheme()) ? 443 : 80;
        return config.url().getHost() + ":" + port;
    }
}
