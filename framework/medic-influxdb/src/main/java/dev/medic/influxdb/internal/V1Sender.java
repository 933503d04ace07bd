package dev.medic.influxdb.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import dev.medic.influxdb.InfluxConfig;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Writes to InfluxDB 1.x: {@code POST /write?db=&rp=&precision=ms}, line protocol, gzip, and HTTP
 * basic authentication (so the password never sits in a URL that a proxy might log).
 */
final class V1Sender implements Sender {

    static final MediaType LINE_PROTOCOL = MediaType.get("text/plain; charset=utf-8");
    private static final int MAX_ERROR_CHARS = 2000;
    private static final Pattern JSON_ERROR = Pattern.compile("\"(?:error|message)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final InfluxConfig config;
    private final OkHttpClient client;
    private final HttpUrl url;
    private final Optional<String> authorization;

    V1Sender(InfluxConfig config) {
        this.config = config;
        this.client = HttpClients.builder(config).build();
        HttpUrl.Builder write = HttpUrl.get(config.url().toString()).newBuilder().addPathSegment("write")
            .addQueryParameter("db", config.database().orElseThrow());
        config.retentionPolicy().ifPresent(policy -> write.addQueryParameter("rp", policy));
        this.url = write.addQueryParameter("precision", "ms").build();
        this.authorization = config.username().map(user -> Credentials.basic(user,
            config.password().orElseThrow().reveal(), StandardCharsets.UTF_8));
    }

    @Override
    public SendResult send(byte[] body) {
        Request.Builder request = new Request.Builder().url(url)
            .post(RequestBody.create(config.gzip() ? gzip(body) : body, LINE_PROTOCOL));
        if (config.gzip()) {
            request.header("Content-Encoding", "gzip");
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        try (Response response = client.newCall(request.build()).execute()) {
            return SendResult.ofStatus(response.code(), errorOf(response), config.target(), config.credentialKeys());
        } catch (IOException | RuntimeException e) {
            return SendResult.ofFailure(e, HttpClients.hostAndPort(config));
        }
    }

    /**
     * The server's own words: InfluxDB names the problem in a header (1.x, mostly) or as "error"
     * (1.x) or "message" (2.x) in a JSON body; any other body is passed on, cut short.
     */
    static String errorOf(Response response) throws IOException {
        String header = response.header("X-Influxdb-Error");
        if (header != null || response.isSuccessful()) {
            return header;
        }
        ResponseBody body = response.body();
        String text = body == null ? "" : body.string();
        Matcher json = JSON_ERROR.matcher(text);
        if (json.find()) {
            return json.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) + "…" : text;
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen in memory
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
