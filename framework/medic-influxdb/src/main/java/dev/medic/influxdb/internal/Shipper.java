package dev.medic.influxdb.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.medic.influxdb.InfluxConfig;

/**
 * The background thread that moves points from the spool to InfluxDB: it seals segments when they
 * are full or old enough, and, holding the spool lock, recovers, bounds and sends them in order.
 * After a failure it waits (1 s, doubling, at most 30 s) before it sends again; a flush request
 * does not wait.
 */
public final class Shipper {

    private static final System.Logger LOG = System.getLogger("dev.medic.influxdb.InfluxSink");
    private static final long MAX_BACKOFF = Duration.ofSeconds(30).toNanos();
    private static final long RELOG_AFTER = Duration.ofMinutes(5).toNanos();

    private final Spool spool;
    private final InfluxConfig config;
    private final Function<InfluxConfig, Sender> senders;
    private final Thread thread;
    private final Object signal = new Object();
    private final List<CompletableFuture<Boolean>> flushes = new ArrayList<>();
    private boolean woken;
    private volatile boolean stopping;

    // Confined to the thread:
    private Sender sender;
    private int failures;
    private long retryAt;
    private SendResult lastFailure;
    private long loggedAt;

    public Shipper(Spool spool, InfluxConfig config, Function<InfluxConfig, Sender> senders) {
        this.spool = spool;
        this.config = config;
        this.senders = senders;
        this.retryAt = System.nanoTime();
        this.thread = new Thread(this::run, "medic-influxdb");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Asks the thread to look now: a segment started or filled up. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Seals everything and sends at once, ignoring the retry delay; completes with true when nothing is left. */
    public CompletableFuture<Boolean> flush() {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        synchronized (signal) {
            flushes.add(done);
            signal.notifyAll();
        }
        return done;
    }

    /** Stops the thread after its current request, waiting at most {@code bound}. */
    public void stop(Duration bound) throws InterruptedException {
        stopping = true;
        wake();
        thread.join(Math.max(1, bound.toMillis()));
        if (sender != null && !thread.isAlive()) {
            sender.close();
        }
    }

    private void run() {
        try {
            // Load the HTTP client now, beside the checks, not when the run ends and waits for the last flush.
            sender();
        } catch (RuntimeException e) {
            failed(new SendResult(SendResult.Kind.SERVER, 0, "cannot set up the HTTP client: " + e));
        }
        while (!stopping) {
            List<CompletableFuture<Boolean>> requested = takeFlushes();
            boolean forced = !requested.isEmpty();
            spool.sealDue(forced ? Duration.ZERO : config.flushInterval());
            long deadline = System.nanoTime() + (forced ? config.timeout().toNanos() : Long.MAX_VALUE / 4);
            boolean empty = pass(forced || System.nanoTime() - retryAt >= 0, deadline);
            requested.forEach(done -> done.complete(empty));
            await();
        }
        takeFlushes().forEach(done -> done.complete(false));
    }

    /**
     * Under the spool lock: recovers abandoned segments, keeps the bound, and, when allowed, sends
     * batches until the spool is empty, a request fails, or the deadline passes. Another process
     * holding the lock is sending, our sealed segments included.
     *
     * @return true when no sealed segment is left
     */
    private boolean pass(boolean send, long deadline) {
        try {
            if (!spool.tryLock()) {
                return false;
            }
            try {
                Backlog backlog = spool.backlog();
                backlog.recover();
                backlog.enforceBound();
                while (send && System.nanoTime() - deadline < 0) {
                    Optional<Backlog.Batch> batch = backlog.next(config.batchSize());
                    if (batch.isEmpty()) {
                        return true;
                    }
                    SendResult result = sender().send(batch.get().body());
                    switch (result.kind()) {
                        case ACKNOWLEDGED -> backlog.acknowledge(batch.get());
                        case REJECTED -> backlog.reject(batch.get(), config.mask(result.message()));
                        default -> {
                            failed(result);
                            return false;
                        }
                    }
                    answered();
                }
                return send && backlog.next(1).isEmpty();
            } finally {
                spool.unlock();
            }
        } catch (IOException | RuntimeException e) {
            failed(new SendResult(SendResult.Kind.SERVER, 0, "the spool " + spool.directory() + " failed: " + e));
            return false;
        }
    }

    private Sender sender() {
        if (sender == null) {
            sender = senders.apply(config); // built here, off the caller's thread: loading the HTTP client takes time
        }
        return sender;
    }

    /** Logs a failure when it is new, or every five minutes while it lasts; schedules the next try. */
    private void failed(SendResult result) {
        failures++;
        long now = System.nanoTime();
        retryAt = now + Math.min(MAX_BACKOFF, Duration.ofSeconds(1).toNanos() << Math.min(failures - 1, 5));
        boolean news = lastFailure == null || lastFailure.kind() != result.kind() || !lastFailure.message().equals(result.message());
        if (news || now - loggedAt > RELOG_AFTER) {
            String configuration = result.kind() == SendResult.Kind.AUTHENTICATION || result.kind() == SendResult.Kind.NOT_FOUND
                ? " This is a configuration problem: fix it, and the spooled points are sent." : "";
            LOG.log(System.Logger.Level.WARNING, config.mask("cannot send metrics to InfluxDB at " + config.url() + ": "
                + result.message() + ". Points wait in the spool " + spool.directory() + " (" + points(spool.pending())
                + " so far) and are sent when InfluxDB takes them; healing goes on." + configuration));
            loggedAt = now;
        }
        lastFailure = result;
    }

    private void answered() {
        if (lastFailure != null) {
            LOG.log(System.Logger.Level.INFO, "InfluxDB at " + config.url() + " takes points again; sending the spooled backlog");
        }
        lastFailure = null;
        failures = 0;
        retryAt = System.nanoTime();
    }

    private List<CompletableFuture<Boolean>> takeFlushes() {
        synchronized (signal) {
            List<CompletableFuture<Boolean>> taken = new ArrayList<>(flushes);
            flushes.clear();
            return taken;
        }
    }

    /** Waits for a wake-up, a flush request, the current segment's flush deadline, or the retry time. */
    private void await() {
        long now = System.nanoTime();
        long interval = config.flushInterval().toNanos();
        long until = spool.currentOpenedAt().map(opened -> opened + interval).orElse(now + interval);
        if (failures > 0 && retryAt - until < 0) {
            until = retryAt;
        }
        synchronized (signal) {
            long millis = Math.max(1, Duration.ofNanos(until - System.nanoTime()).toMillis());
            if (!woken && flushes.isEmpty() && !stopping) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
            woken = false;
        }
    }

    /** "1 point", "7 points": the counts in log lines. */
    public static String points(long count) {
        return count == 1 ? "1 point" : count + " points";
    }
}
