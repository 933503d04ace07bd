package dev.medic.cli.daemon;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.medic.api.CheckId;
import dev.medic.cli.heartbeat.Heartbeat;
import dev.medic.cli.internal.Session;
import dev.medic.cli.output.ConsoleReporter;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.CheckStatus;
import dev.medic.engine.Medic;
import dev.medic.engine.PackageInfo;
import dev.medic.engine.Selection;
import dev.medic.engine.spi.RunListener;
import dev.medic.influxdb.InfluxSink;
import dev.medic.store.sqlite.SqliteStore;

/**
 * One configuration the daemon runs: its engine, store, metrics sink and heartbeat. A reload
 * opens a new generation; the old one closes (flushing its store, spool and pings) once its last
 * run has ended.
 */
final class Generation {

    private final Session session;
    private final SqliteStore store;
    private final Optional<InfluxSink> sink;
    private final Optional<Heartbeat> heartbeat;
    private final Medic medic;
    private final Map<CheckId, CheckRecord> latest;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean retired = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile List<PackageInfo> inventory;

    private Generation(Session session, SqliteStore store, Optional<InfluxSink> sink, Optional<Heartbeat> heartbeat,
            Medic.Builder builder, Map<CheckId, CheckRecord> latest) {
        this.session = session;
        this.store = store;
        this.sink = sink;
        this.heartbeat = heartbeat;
        this.latest = latest;
        this.medic = builder.build();
    }

    static Generation open(Session session, PrintWriter out, PrintWriter err, Clock clock) {
        SqliteStore store = session.openStore();
        Optional<InfluxSink> sink = session.openSinks();
        // The latest record of each check, kept as runs end, for the heartbeat to judge the host by.
        Map<CheckId, CheckRecord> latest = new ConcurrentHashMap<>();
        store.status(Selection.all()).stream().map(CheckStatus::last).forEach(record -> latest.put(record.check(), record));
        Medic.Builder builder = Medic.builder(session.config()).store(store).clock(clock)
            .listener(ConsoleReporter.forDaemon(out, err))
            .listener(new RunListener() {
                @Override
                public void checkFinished(CheckRecord check) {
                    latest.put(check.check(), check);
                }
            });
        sink.ifPresent(builder::listener);
        return new Generation(session, store, sink, Heartbeat.open(session.heartbeatSettings(), clock), builder, latest);
    }

    Session session() {
        return session;
    }

    DaemonSettings settings() {
        return session.daemonSettings();
    }

    Medic medic() {
        return medic;
    }

    /** The packages and their checks, discovered once for this configuration. */
    List<PackageInfo> inventory() {
        List<PackageInfo> known = inventory;
        if (known == null) {
            known = medic.inventory();
            inventory = known;
        }
        return known;
    }

    Optional<Heartbeat> heartbeat() {
        return heartbeat;
    }

    Collection<CheckRecord> latest() {
        return latest.values();
    }

    void started() {
        running.incrementAndGet();
    }

    void ended() {
        if (running.decrementAndGet() == 0 && retired.get()) {
            close();
        }
    }

    /**
     * No new runs start on this generation; it closes when its running ones have ended. Closing
     * flushes the spool and the pings within their timeouts, so after a reload it happens off the
     * scheduler's thread; at shutdown the caller waits for it.
     */
    void retire(boolean wait) {
        retired.set(true);
        if (running.get() > 0) {
            return;
        }
        if (wait) {
            close();
        } else {
            Thread closer = new Thread(this::close, "medic-daemon-close");
            closer.start();
        }
    }

    private void close() {
        if (closed.compareAndSet(false, true)) {
            medic.close();
            sink.ifPresent(InfluxSink::close);
            heartbeat.ifPresent(Heartbeat::close);
            store.close();
        }
    }
}
