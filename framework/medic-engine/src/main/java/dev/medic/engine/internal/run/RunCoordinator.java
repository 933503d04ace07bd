package dev.medic.engine.internal.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.medic.engine.Outcome;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunRecord;
import dev.medic.engine.RunReport;
import dev.medic.engine.RunStart;
import dev.medic.engine.Selection;
import dev.medic.engine.Sleeper;
import dev.medic.engine.config.MedicConfig;
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
            events.count(Outcome.UNRESOLVED), events.count(Outcome.SKIPPED));
        bus.runFinished(run);
        return new RunReport(run, events.checks(), events.repairs(), events.problems());
    }
}
