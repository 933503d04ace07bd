package dev.medic.cli.daemon;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.medic.api.CheckId;
import dev.medic.cli.internal.ConfigLocator;
import dev.medic.cli.internal.Session;
import dev.medic.config.ConfigException;
import dev.medic.config.ConfigProblem;
import dev.medic.engine.CheckInfo;
import dev.medic.engine.ExitCodes;
import dev.medic.engine.Medic;
import dev.medic.engine.PackageInfo;
import dev.medic.engine.RunMode;
import dev.medic.engine.Selection;
import dev.medic.engine.config.Option;
import dev.medic.engine.schedule.Schedule;

/**
 * {@code medic daemon}: runs each check and stats method at its own interval, heals what fails,
 * picks up a changed configuration without a restart, and stops cleanly on SIGTERM.
 *
 * <p>One thread schedules; a bounded pool runs what is due, one run per package, so independent
 * packages heal in parallel while a check still running is never started again. A reload builds a
 * new {@link Generation} next to the old one: runs in flight finish on the old one, which closes
 * when they are done; a configuration with problems is rejected and the old one keeps running.
 */
public final class Daemon {

    private static final System.Logger LOG = System.getLogger(Daemon.class.getName());

    private final Optional<Path> configFile;
    private final ConfigLocator locator;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;
    private final BlockingQueue<String> wakeups = new LinkedBlockingQueue<>();
    private final ScheduleTable table = new ScheduleTable(ZoneId.systemDefault(), new SplittableRandom());
    private volatile Generation current;
    private ExecutorService workers;
    private String fingerprint;
    private Instant since;
    private volatile Instant nextHeartbeat = Instant.MAX;

    public Daemon(Optional<Path> configFile, ConfigLocator locator, PrintWriter out, PrintWriter err, Clock clock) {
        this.configFile = configFile;
        this.locator = locator;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** Runs until SIGTERM, SIGINT or {@link #stop()}; returns the exit code. */
    public int run(Session session) throws IOException, InterruptedException {
        DaemonFiles files = new DaemonFiles(session.config().stateDir());
        Optional<FileChannel> lock = files.lock();
        if (lock.isEmpty()) {
            err.println("error: a daemon already runs for " + session.config().stateDir()
                + files.running().map(status -> " (pid " + status.pid() + ", since " + status.since() + ")").orElse(""));
            err.flush();
            return ExitCodes.USAGE;
        }
        try (FileChannel held = lock.get()) {
            Generation first = Generation.open(session, out, err, clock);
            List<ConfigProblem> problems = first.medic().configProblems();
            if (!problems.isEmpty()) {
                problems.forEach(problem -> err.println("error: " + problem));
                err.flush();
                first.retire(true);
                return ExitCodes.USAGE;
            }
            current = first;
            fingerprint = fingerprint(session);
            DaemonSettings settings = first.settings();
            workers = Executors.newFixedThreadPool(settings.workers(), task -> {
                Thread thread = new Thread(task, "medic-daemon-worker");
                thread.setDaemon(true);
                return thread;
            });
            table.update(schedules(first), settings.splay(), clock.instant());
            Signals.on("HUP", () -> wakeups.offer("reload"));
            Signals.on("TERM", () -> wakeups.offer("stop"));
            Signals.on("INT", () -> wakeups.offer("stop"));
            since = clock.instant();
            LOG.log(System.Logger.Level.INFO, "medic daemon started, pid " + ProcessHandle.current().pid() + ": "
                + table.nextDueTimes().size() + " checks and stats scheduled");
            loop(files);
            return shutdown(files);
        }
    }

    /** Asks a running daemon to stop, as SIGTERM does. */
    public void stop() {
        wakeups.offer("stop");
    }

    private void loop(DaemonFiles files) throws InterruptedException {
        Instant nextReloadCheck = clock.instant().plus(current.settings().reloadCheck());
        nextHeartbeat = heartbeatAfter(clock.instant());
        Map<CheckId, Instant> written = Map.of();
        while (true) {
            Instant now = clock.instant();
            submitDue(now);
            if (!now.isBefore(nextHeartbeat)) {
                nextHeartbeat = heartbeatAfter(now);
                heartbeat(current, true);
            }
            if (!current.settings().reloadCheck().isZero() && !now.isBefore(nextReloadCheck)) {
                nextReloadCheck = now.plus(current.settings().reloadCheck());
                if (!fingerprint(current.session()).equals(fingerprint)) {
                    reload("the configuration or the packages changed");
                }
            }
            Map<CheckId, Instant> nextDue = table.nextDueTimes();
            if (!nextDue.equals(written)) {
                writeStatus(files, since, nextDue);
                written = nextDue;
            }
            Instant wakeAt = table.nextDue().filter(due -> due.isBefore(nextHeartbeat)).orElse(nextHeartbeat);
            Duration wait = Duration.between(clock.instant(), wakeAt);
            wait = wait.isNegative() ? Duration.ZERO : wait.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : wait;
            String wakeup = wakeups.poll(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
            if ("stop".equals(wakeup)) {
                return;
            }
            if ("reload".equals(wakeup)) {
                reload("SIGHUP");
            }
        }
    }

    private Instant heartbeatAfter(Instant now) {
        // Without a heartbeat, a time the loop never reaches: it wakes each second anyway.
        return current.heartbeat().map(beat -> now.plus(beat.every())).orElse(Instant.MAX);
    }

    /** Pings when due, or at once when the host turned unhealthy or healthy again. */
    private void heartbeat(Generation generation, boolean due) {
        generation.heartbeat().ifPresent(beat -> {
            try {
                beat.daemonState("medic daemon on " + generation.session().config().host() + " ("
                    + generation.session().config().environment() + "), pid " + ProcessHandle.current().pid()
                    + ", running since " + since, generation.latest(), generation.inventory(), due);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the heartbeat could not be prepared; healing goes on", e);
            }
        });
    }

    private void submitDue(Instant now) {
        List<CheckId> due = table.takeDue(now);
        if (due.isEmpty()) {
            return;
        }
        Generation generation = current;
        Map<String, List<CheckId>> byPackage = due.stream()
            .collect(Collectors.groupingBy(CheckId::packageId, LinkedHashMap::new, Collectors.toList()));
        byPackage.values().forEach(checks -> {
            generation.started();
            workers.submit(() -> {
                Instant start = clock.instant();
                try {
                    generation.medic().run(RunMode.DAEMON, Selection.ofChecks(checks));
                } catch (RuntimeException | LinkageError e) {
                    LOG.log(System.Logger.Level.ERROR, "a daemon run failed; the daemon goes on", e);
                } finally {
                    table.finished(checks, start, clock.instant());
                    heartbeat(generation, false);
                    generation.ended();
                    wakeups.offer("tick");
                }
            });
        });
    }

    /** Loads the configuration again; a configuration with problems is rejected and the current one keeps running. */
    private void reload(String why) {
        Generation old = current;
        try {
            Session fresh = Session.open(configFile, locator);
            fingerprint = fingerprint(fresh);
            if (!fresh.config().stateDir().equals(old.session().config().stateDir())) {
                reject(List.of("state-dir cannot change while the daemon runs (" + old.session().config().stateDir()
                    + " -> " + fresh.config().stateDir() + "); restart the daemon"));
                return;
            }
            Generation next = Generation.open(fresh, out, err, clock);
            List<ConfigProblem> problems = next.medic().configProblems();
            if (!problems.isEmpty()) {
                next.retire(false);
                reject(problems.stream().map(ConfigProblem::toString).toList());
                return;
            }
            current = next;
            table.update(schedules(next), next.settings().splay(), clock.instant());
            old.retire(false);
            nextHeartbeat = heartbeatAfter(clock.instant());
            LOG.log(System.Logger.Level.WARNING, "configuration reloaded (" + why + "): "
                + table.nextDueTimes().size() + " checks and stats scheduled");
        } catch (ConfigException e) {
            fingerprint = fingerprint(old.session());
            reject(e.problems().stream().map(ConfigProblem::toString).toList());
        } catch (RuntimeException e) {
            reject(List.of(String.valueOf(e)));
        }
    }

    private void reject(List<String> problems) {
        LOG.log(System.Logger.Level.ERROR, "the new configuration is rejected; the previous one keeps running:"
            + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", problems));
    }

    private int shutdown(DaemonFiles files) throws InterruptedException {
        LOG.log(System.Logger.Level.WARNING, "stopping: no new runs; waiting up to "
            + current.settings().shutdownGrace().toSeconds() + "s for running repairs");
        workers.shutdown();
        if (!workers.awaitTermination(current.settings().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.log(System.Logger.Level.WARNING, "runs still going after the shutdown grace are abandoned");
        }
        current.retire(true);
        try {
            files.clear();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove the daemon status file", e);
        }
        LOG.log(System.Logger.Level.WARNING, "medic daemon stopped");
        return ExitCodes.OK;
    }

    private Map<CheckId, Schedule> schedules(Generation generation) {
        Medic medic = generation.medic();
        Map<CheckId, Schedule> schedules = new LinkedHashMap<>();
        for (PackageInfo info : generation.inventory()) {
            if (!info.loaded()) {
                // A package that does not load is reported by a run of its own, at the default interval.
                schedules.put(new CheckId(info.id(), Medic.PACKAGE_CHECK), Option.INTERVAL.builtIn());
                continue;
            }
            Stream.concat(info.checks().stream(), info.stats().stream()).filter(CheckInfo::enabled)
                .forEach(check -> schedules.put(check.id(), medic.options(check.id()).get(Option.INTERVAL)));
        }
        return schedules;
    }

    private void writeStatus(DaemonFiles files, Instant since, Map<CheckId, Instant> nextDue) {
        try {
            files.write(new DaemonFiles.Status(ProcessHandle.current().pid(), since,
                configFile.or(() -> locator.locate(Optional.empty())).map(Path::toString).orElse("built-in defaults"),
                nextDue));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the daemon status file", e);
        }
    }

    /** What a reload looks at: the configuration file and the package archives, by size and time. */
    private String fingerprint(Session session) {
        StringBuilder text = new StringBuilder();
        session.config().source().ifPresent(file -> text.append(describe(file)));
        Path packages = session.config().packagesDir();
        if (Files.isDirectory(packages)) {
            try (Stream<Path> archives = Files.list(packages)) {
                archives.sorted().forEach(archive -> text.append(describe(archive)));
            } catch (IOException e) {
                text.append("unreadable");
            }
        }
        return text.toString();
    }

    private static String describe(Path file) {
        try {
            return file + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis() + ";";
        } catch (IOException e) {
            return file + ":missing;";
        }
    }
}
