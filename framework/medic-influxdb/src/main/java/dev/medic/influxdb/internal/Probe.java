package dev.medic.influxdb.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.medic.influxdb.InfluxConfig;
import dev.medic.influxdb.InfluxProbe.Result;
import dev.medic.influxdb.InfluxProbe.Status;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The probe's two requests: {@code GET /ping}, then an empty write to the configured target. */
public final class Probe {

    private Probe() {
    }

    public static Result run(InfluxConfig config) {
        OkHttpClient client = HttpClients.builder(config).build();
        try {
            HttpUrl base = HttpUrl.get(config.url().toString());
            String version;
            try (Response ping = client.newCall(new Request.Builder().url(path(base, "ping")).build()).execute()) {
                if (!ping.isSuccessful()) {
                    return new Result(Status.NOT_INFLUXDB, "something answers at " + config.url() + ", but not like InfluxDB: "
                        + "GET /ping answered HTTP " + ping.code() + "; check influxdb.url");
                }
                version = ping.header("X-Influxdb-Version", "");
            }
            try (Response write = client.newCall(emptyWrite(config, base)).execute()) {
                SendResult result = SendResult.ofStatus(write.code(), V1Sender.errorOf(write), config.target(),
                    config.credentialKeys());
                String server = "InfluxDB" + (version.isEmpty() ? "" : " " + version) + " at " + config.url();
                return switch (result.kind()) {
                    // An empty body passes authentication and the target check; 2.x then calls it a bad request.
                    case ACKNOWLEDGED, REJECTED -> new Result(Status.OK, server + " accepts writes to " + config.target());
                    case AUTHENTICATION -> new Result(Status.AUTHENTICATION_FAILED, server + ": " + result.message());
                    case NOT_FOUND -> new Result(Status.NOT_FOUND, server + ": " + result.message() + createHint(config));
                    default -> new Result(Status.SERVER_ERROR, server + ": " + result.message());
                };
            }
        } catch (IOException | RuntimeException e) {
            SendResult failure = SendResult.ofFailure(e, HttpClients.hostAndPort(config));
            Status status = failure.kind() == SendResult.Kind.TLS ? Status.TLS_FAILED : Status.UNREACHABLE;
            return new Result(status, "cannot reach InfluxDB at " + config.url() + ": " + failure.message());
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private static Request emptyWrite(InfluxConfig config, HttpUrl base) {
        Request.Builder request = new Request.Builder().post(RequestBody.create(new byte[0], V1Sender.LINE_PROTOCOL));
        if (config.api() == InfluxConfig.Api.V1) {
            HttpUrl.Builder url = path(base, "write").newBuilder().addQueryParameter("db", config.database().orElseThrow());
            config.retentionPolicy().ifPresent(policy -> url.addQueryParameter("rp", policy));
            config.username().ifPresent(user -> request.header("Authorization",
                Credentials.basic(user, config.password().orElseThrow().reveal(), StandardCharsets.UTF_8)));
            return request.url(url.addQueryParameter("precision", "ms").build()).build();
        }
        HttpUrl url = path(base, "api/v2/write").newBuilder().addQueryParameter("org", config.org().orElseThrow())
            .addQueryParameter("bucket", config.bucket().orElseThrow()).addQueryParameter("precision", "ms").build();
        config.token().ifPresent(token -> request.header("Authorization", "Token " + token.reveal()));
        return request.url(url).build();
    }

    private static HttpUrl path(HttpUrl base, String segments) {
        return base.newBuilder().addPathSegments(segments).build();
    }

    private static String createHint(InfluxConfig config) {
        return config.api() == InfluxConfig.Api.V1
            ? " (InfluxQL: CREATE DATABASE \"" + config.database().orElseThrow() + "\")"
            : " (influx bucket create --name " + config.bucket().orElseThrow() + " --org " + config.org().orElseThrow() + ")";
    }
}
