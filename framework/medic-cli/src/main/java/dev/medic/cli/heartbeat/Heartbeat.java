package dev.medic.cli.heartbeat;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.medic.cli.output.Formats;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.PackageInfo;
import dev.medic.engine.RunRecord;

/**
 * Pings a Healthchecks.io-style URL, so that a runner that stops running is noticed: a
 * monitor that dies silently is worse than none.
 *
 * <p>A one-shot run pings {@code /start} as it begins and, when it ends, the plain URL when
 * nothing on the host is unresolved, else {@code /fail}; the body says what ran and what is
 * still failing. {@code medic daemon} pings the same way every {@code every}, without
 * {@code /start}. Pings go out on a thread of their own and never delay healing.
 */
public final class Heartbeat implements AutoCloseable {

    private final Pinger pinger;
    private final Clock clock;
    private String runId = "";
    private Boolean lastHealthy;

    private Heartbeat(HeartbeatSettings settings, Clock clock) {
        this.pinger = new Pinger(settings);
        this.clock = clock;
    }

    /** A heartbeat when the configuration has a {@code heartbeat:} section. */
    public static Optional<Heartbeat> open(Optional<HeartbeatSettings> settings, Clock clock) {
        return settings.map(value -> new Heartbeat(value, clock));
    }

    /** A one-shot run begins. */
    public void runStarting() {
        // Healthchecks.io pairs a start with its end by this id, and measures the run's duration.
        runId = UUID.randomUUID().toString();
        pinger.ping("/start", runId, "");
    }

    /**
     * A one-shot run has ended.
     *
     * @param run       the run's summary
     * @param latest    the latest record of every check in the history, this run's included
     * @param inventory the packages configured now
     */
    public void runFinished(RunRecord run, Collection<CheckRecord> latest, List<PackageInfo> inventory) {
        HostHealth health = HostHealth.of(latest, inventory);
        String summary = "medic " + run.mode().name().toLowerCase(java.util.Locale.ROOT) + " on " + run.host() + " ("
            + run.environment() + "): " + Formats.counts(run) + " in " + Formats.duration(run.duration()) + "\n";
        pinger.ping(health.healthy() ? "" : "/fail", runId, summary + health.describe(clock.instant()));
    }

    /**
     * The daemon's ping: sent when {@code due}, and at once when the host turns unhealthy or
     * healthy again, so that a failure does not wait for the next interval.
     *
     * @param header    the first line of the body, saying which daemon pings
     * @param latest    the latest record of every check the daemon knows of
     * @param inventory the packages configured now
     * @param due       whether the interval since the last periodic ping has passed
     */
    public synchronized void daemonState(String header, Collection<CheckRecord> latest, List<PackageInfo> inventory,
            boolean due) {
        HostHealth health = HostHealth.of(latest, inventory);
        if (due || lastHealthy == null || lastHealthy != health.healthy()) {
            lastHealthy = health.healthy();
            pinger.ping(health.healthy() ? "" : "/fail", "", header + "\n" + health.describe(clock.instant()));
        }
    }

    /** How often the daemon pings. */
    public java.time.Duration every() {
        return pinger.settings().every();
    }

    /** Sends what is queued, each ping within the timeout. */
    @Override
    public void close() {
        pinger.close();
    }
}
