package dev.medic.influxdb;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.medic.engine.CheckRecord;
import dev.medic.engine.Measurement;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunRecord;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.spi.RunListener;
import dev.medic.influxdb.internal.Points;
import dev.medic.influxdb.internal.Senders;
import dev.medic.influxdb.internal.Shipper;
import dev.medic.influxdb.internal.Spool;
import dev.medic.influxdb.internal.SpoolCounters;

/**
 * Sends check, repair, stat and run metrics to InfluxDB, in the schema of docs/metrics.md.
 *
 * <p>Each event becomes one point, appended to an on-disk spool before this listener returns;
 * a background thread sends the spool in batches and removes points only once InfluxDB has
 * acknowledged them. The listener methods never touch the network and never throw, so InfluxDB
 * being down, slow or misconfigured never holds up healing: points wait in the spool, within its
 * bound, and are sent when it answers again, by this process or the next.
 *
 * <pre>{@code
 * try (InfluxSink sink = InfluxSink.open(influxConfig, medicConfig)) {
 *     Medic.builder(medicConfig).listener(sink).build().run(RunMode.RUN, Selection.all());
 * }
 * }</pre>
 */
public final class InfluxSink implements RunListener, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(InfluxSink.class.getName());

    private final InfluxConfig config;
    private final Points points;
    private final Spool spool;
    private final Shipper shipper;
    private volatile boolean closed;
    private volatile boolean appendFailing;

    private InfluxSink(InfluxConfig config, Points points, Spool spool) {
        this.config = config;
        this.points = points;
        this.spool = spool;
        this.shipper = new Shipper(spool, config, Senders::forConfig);
    }

    /**
     * Opens the spool and starts the sending thread; points already in the spool (from an earlier
     * run, or a process that was killed) are sent first.
     *
     * @param config where and how to send
     * @param medic  the host and environment every point is tagged with
     * @throws IOException when the spool directory cannot be created or opened
     */
    public static InfluxSink open(InfluxConfig config, MedicConfig medic) throws IOException {
        Spool spool = Spool.open(config.spoolDirectory(), config.spoolMaxBytes(), config.batchSize());
        InfluxSink sink = new InfluxSink(config, new Points(medic.host(), medic.environment()), spool);
        sink.shipper.start();
        return sink;
    }

    /** The configuration this sink sends with. */
    public InfluxConfig config() {
        return config;
    }

    @Override
    public void repairFinished(RepairRecord repair) {
        append(points.repair(repair));
    }

    @Override
    public void checkFinished(CheckRecord check) {
        append(points.check(check));
    }

    @Override
    public void measured(Measurement measurement) {
        points.stat(measurement).ifPresentOrElse(this::append, () -> LOG.log(System.Logger.Level.INFO,
            "stat " + measurement.name() + " from " + measurement.source() + " is " + measurement.value()
                + ", which InfluxDB cannot store; it is not sent"));
    }

    /** The run point (the heartbeat), then the spool's state as of the end of the run. */
    @Override
    public void runFinished(RunRecord run) {
        append(points.run(run));
        SpoolCounters.Totals totals = spool.totals();
        append(points.spool(run, spool.pending(), totals.dropped(), totals.rejected()));
    }

    /** Points in the spool that InfluxDB has not acknowledged yet, from every process sharing it. */
    public long pending() {
        return spool.pending();
    }

    /**
     * Sends what is spooled now, without waiting for the flush interval or a retry delay.
     *
     * @param bound how long to wait at most
     * @return true when everything was sent; false when InfluxDB did not take it all in time, or
     *         another process holds the spool (and sends it)
     */
    public boolean flush(Duration bound) {
        try {
            return shipper.flush().get(Math.max(1, bound.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Flushes once more, waiting at most the configured timeout, then stops. Whatever InfluxDB has
     * not taken stays in the spool for the next run.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean sent = flush(config.timeout());
        try {
            shipper.stop(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            spool.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot close the spool " + spool.directory() + ": " + e);
        }
        if (!sent) {
            LOG.log(System.Logger.Level.INFO, Shipper.points(pending()) + " stay in the spool " + spool.directory()
                + " and are sent by the next run");
        }
    }

    private void append(String line) {
        if (closed) {
            LOG.log(System.Logger.Level.WARNING, "the InfluxDB sink is closed; a point was not recorded");
            return;
        }
        try {
            if (spool.append(line)) {
                shipper.wake();
            }
            appendFailing = false;
        } catch (IOException | RuntimeException e) {
            spool.countLost();
            if (!appendFailing) {
                LOG.log(System.Logger.Level.WARNING, "cannot write to the InfluxDB spool " + spool.directory() + " (" + e
                    + "); points are lost, and counted as dropped, until it can be written again");
            }
            appendFailing = true;
        }
    }
}
