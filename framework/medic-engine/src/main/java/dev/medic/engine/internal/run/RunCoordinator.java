package dev.medic.engine.internal.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import dev.medic.api.CheckId;

import dev.medic.engine.Outcome;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunRecord;
import dev.medic.engine.RunReport;
import dev.medic.engine.RunStart;
import dev.medic.engine.Selection;
import dev.medic.engine.Sleeper;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.Option;
import dev.medic.engine.config.PackageConfig;
import dev.medic.engine.internal.loading.LoadedPackage;
import dev.medic.engine.internal.loading.LoadedPackages;
import dev.medic.engine.spi.Store;

/**
 * Frames a run: gives it an id, announces its start, lets a {@link HealingRun} do the work, and
 * announces its summary. A package that cannot be loaded or run is recorded as unresolved under
 * the check name {@value #PACKAGE_CHECK} and never stops the others.
 */
public final class RunCoordinator {

    /** The check name under which a package's own failures (load, discovery) are recorded. */
    public static final String PACKAGE_CHECK = "_package";

    private final MedicConfig config;
    private final LoadedPackages packages;
    private final Optional<Store> store;
    private final EventBus bus;
    private final Clock clock;
    private final Sleeper sleeper;

    public RunCoordinator(MedicConfig config, LoadedPackages packages, Optional<Store> store, EventBus bus, Clock clock,
            Sleeper sleeper) {
        this.config = config;
        this.packages = packages;
        this.store = store;
        this.bus = bus;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Runs once and reports what happened. */
    public RunReport run(RunMode mode, Selection selection) {
        Instant start = clock.instant();
        String runId = RunIds.next(start);
        bus.runStarted(new RunStart(runId, mode, config.host(), config.environment(), start));
        RunEvents events = new RunEvents(bus);
        try {
            new HealingRun(runId, mode, selection, config, packages, store, events, clock, sleeper).execute();
        } catch (InterruptedException e) {
            // A shutdown interrupted the run: what was recorded stays, the summary says how far it got.
            Thread.currentThread().interrupt();
        }
        RunRecord run = new RunRecord(runId, mode, config.host(), config.environment(), start,
            Duration.between(start, clock.instant()), events.count(Outcome.HEALTHY), events.count(Outcome.REPAIRED),
            events.count(Outcome.UNRESOLVED), events.count(Outcome.SKIPPED), expectedInterval(start));
        bus.runFinished(run);
        return new RunReport(run, events.checks(), events.repairs(), events.problems());
    }

    /**
     * How often this runner should run, for the metrics' silent-runner alert: the shortest
     * {@code interval} in effect for an enabled check of any installed package, whatever this run
     * selected. It is read from the configuration without discovering checks (which would cost a
     * JUnit discovery per package and run): the package's own level, and every check entry of the
     * user's configuration and of the package's descriptor. A package that failed to load runs at
     * the user's default interval. A cron schedule counts with the gap after its next time, in the
     * host's time zone, as the daemon reads it.
     */
    Duration expectedInterval(Instant now) {
        ZoneId zone = ZoneId.systemDefault();
        Duration shortest = null;
        for (LoadedPackage loaded : packages.packages()) {
            PackageConfig packageConfig = config.packageConfig(loaded.id());
            CheckOptions packageLevel = packageConfig.options().orElse(loaded.descriptor().defaults())
                .orElse(config.defaults());
            shortest = shorter(shortest, packageLevel, now, zone);
            Set<String> names = new LinkedHashSet<>(packageConfig.checks().keySet());
            names.addAll(loaded.descriptor().checks().keySet());
            ConfiguredPackage configured = new ConfiguredPackage(loaded, config, Selection.all());
            for (String name : names) {
                shortest = shorter(shortest, configured.options(new CheckId(loaded.id(), name)), now, zone);
            }
        }
        if (!packages.failures().isEmpty()) {
            shortest = shorter(shortest, config.defaults(), now, zone);
        }
        return shortest == null ? config.defaults().get(Option.INTERVAL).period(now, zone) : shortest;
    }

    private static Duration shorter(Duration shortest, CheckOptions options, Instant now, ZoneId zone) {
        if (!options.isEnabled()) {
            return shortest;
        }
        Duration period = options.get(Option.INTERVAL).period(now, zone);
        return shortest == null || period.compareTo(shortest) < 0 ? period : shortest;
    }
}
