package dev.medic.influxdb.internal;

import java.nio.charset.StandardCharsets;

import com.influxdb.LogLevel;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;

import dev.medic.influxdb.InfluxConfig;

/**
 * Writes to InfluxDB 2.x and 3.x through influxdb-client-java's blocking write API:
 * {@code POST /api/v2/write?org=&bucket=&precision=ms} with {@code Authorization: Token …}. The
 * blocking API is used because the spool already batches, retries and keeps order; the client's
 * own batching would buffer points in memory where a crash loses them.
 */
final class V2Sender implements Sender {

    private final InfluxConfig config;
    private final InfluxDBClient client;
    private final WriteApiBlocking writes;

    V2Sender(InfluxConfig config) {
        this.config = config;
        InfluxDBClientOptions.Builder options = InfluxDBClientOptions.builder()
            .url(config.url().toString())
            .org(config.org().orElseThrow())
            .bucket(config.bucket().orElseThrow())
            .precision(WritePrecision.MS)
            .logLevel(LogLevel.NONE)
            .okHttpClient(HttpClients.builder(config));
        config.token().ifPresent(token -> options.authenticateToken(token.reveal().toCharArray()));
        this.client = InfluxDBClientFactory.create(options.build());
        if (config.gzip()) {
            client.enableGzip();
        }
        this.writes = client.getWriteApiBlocking();
    }

    @Override
    public SendResult send(byte[] body) {
        try {
            writes.writeRecord(config.bucket().orElseThrow(), config.org().orElseThrow(), WritePrecision.MS,
                new String(body, StandardCharsets.UTF_8));
            return SendResult.acknowledged(204);
        } catch (InfluxException e) {
            if (e.status() == 0) {
                return SendResult.ofFailure(e, HttpClients.hostAndPort(config));
            }
            return SendResult.ofStatus(e.status(), serverMessage(e), config.target(), config.credentialKeys());
        } catch (RuntimeException e) {
            return SendResult.ofFailure(e, HttpClients.hostAndPort(config));
        }
    }

    /** The server's own words from its JSON error body; the client's message wraps them in more text. */
    private static String serverMessage(InfluxException e) {
        Object message = e.errorBody().get("message");
        return message instanceof String text && !text.isBlank() ? text : e.getMessage();
    }

    @Override
    public void close() {
        client.close();
    }
}
