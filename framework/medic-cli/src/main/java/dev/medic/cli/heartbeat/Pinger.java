package dev.medic.cli.heartbeat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends pings one after another on a thread of its own, so that a slow or unreachable ping
 * server never delays a check or a repair. The HTTP client is built on that thread too: a
 * {@code medic check} run by hand does not wait for it to load.
 */
final class Pinger implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Pinger.class.getName());
    private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");
    /** Healthchecks.io keeps the first 100 kB of a body; a summary needs far less. */
    static final int MAX_BODY = 10_000;

    private final HeartbeatSettings settings;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread worker = new Thread(task, "medic-heartbeat");
        worker.setDaemon(true);
        return worker;
    });
    private OkHttpClient client;

    Pinger(HeartbeatSettings settings) {
        this.settings = settings;
    }

    HeartbeatSettings settings() {
        return settings;
    }

    /**
     * Queues a ping.
     *
     * @param suffix appended to the URL's path: {@code ""}, {@code "/start"} or {@code "/fail"}
     * @param runId  Healthchecks.io's {@code rid}, which pairs a start with its end; empty for none
     * @param body   a short summary, cut to {@value #MAX_BODY} characters
     */
    void ping(String suffix, String runId, String body) {
        String text = body.length() > MAX_BODY ? body.substring(0, MAX_BODY - 1) + "…" : body;
        thread.execute(() -> send(suffix, runId, text));
    }

    private void send(String suffix, String runId, String body) {
        String url = stripSlash(settings.url().reveal()) + suffix + (runId.isEmpty() ? "" : "?rid=" + runId);
        String shown = "heartbeat ping " + (suffix.isEmpty() ? "(success)" : suffix) + " to " + settings.shown();
        Request request = new Request.Builder().url(url).header("User-Agent", "medic")
            .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), TEXT)).build();
        try (Response response = client().newCall(request).execute()) {
            if (response.isSuccessful()) {
                LOG.log(System.Logger.Level.DEBUG, shown + ": HTTP " + response.code());
            } else {
                LOG.log(System.Logger.Level.WARNING, shown + " was refused: HTTP " + response.code()
                    + "; is the check deleted, or the URL wrong?");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, shown + " failed (" + settings.url().maskIn(String.valueOf(e))
                + "); healing is not affected, the next ping tries again");
        }
    }

    private OkHttpClient client() {
        if (client == null) {
            Duration timeout = settings.timeout();
            client = new OkHttpClient.Builder().callTimeout(timeout).connectTimeout(timeout).readTimeout(timeout)
                .writeTimeout(timeout).retryOnConnectionFailure(false).build();
        }
        return client;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Waits for queued pings, each within the timeout, then stops the thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            // A ping waiting behind another may take a timeout of its own.
            if (!thread.awaitTermination(settings.timeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "heartbeat pings to " + settings.shown() + " still unsent are dropped");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (client != null) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }
}
