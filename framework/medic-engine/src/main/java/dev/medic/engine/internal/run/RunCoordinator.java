package dev.medic.engine.internal.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.medic.api.CheckId;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunProblem;
import dev.medic.engine.RunRecord;
import dev.medic.engine.RunReport;
import dev.medic.engine.RunStart;
import dev.medic.engine.Selection;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.internal.healing.RepairRunner;
import dev.medic.engine.internal.junit.Batch;
import dev.medic.engine.internal.junit.CheckExecution;
import dev.medic.engine.internal.junit.PackageRunner;
import dev.medic.engine.internal.loading.LoadFailure;
import dev.medic.engine.internal.loading.LoadedPackage;
import dev.medic.engine.internal.loading.LoadedPackages;
import dev.medic.engine.spi.Store;

/**
 * Runs the selected checks of every package, heals the failing ones (in {@link RunMode#RUN}),
 * collects stats, and publishes every outcome. A package that cannot be loaded or run is recorded
 * as unresolved under the check name {@value #PACKAGE_CHECK} and never stops the others.
 */
public final class RunCoordinator {

    /** The check name under which a package's own failures (load, discovery) are recorded. */
    public static final String PACKAGE_CHECK = "_package";

    private static final System.Logger LOG = System.getLogger(RunCoordinator.class.getName());

    private final MedicConfig config;
    private final LoadedPackages packages;
    private final Optional<Store> store;
    private final EventBus bus;
    private final Clock clock;

    public RunCoordinator(MedicConfig config, LoadedPackages packages, Optional<Store> store, EventBus bus, Clock clock) {
        this.config = config;
        this.packages = packages;
        this.store = store;
        this.bus = bus;
        this.clock = clock;
    }

    /** Runs once and reports what happened. */
    public RunReport run(RunMode mode, Selection selection) {
        Instant start = clock.instant();
        String runId = RunIds.next(start);
        bus.runStarted(new RunStart(runId, mode, config.host(), config.environment(), start));
        RunEvents events = new RunEvents(bus);
        PackageRunner runner = new PackageRunner(clock);
        RepairRunner repairs = new RepairRunner(clock);

        for (LoadFailure failure : packages.failures()) {
            if (selection.includesPackage(failure.packageId())) {
                packageFailed(runId, failure.packageId(), failure.message(), events);
            }
        }
        for (LoadedPackage loaded : packages.packages()) {
            if (!selection.includesPackage(loaded.id())) {
                continue;
            }
            ConfiguredPackage pkg = new ConfiguredPackage(loaded, config, selection);
            try {
                runPackage(runId, mode, selection, pkg, events, runner, repairs);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                LOG.log(System.Logger.Level.ERROR, "package " + loaded.id() + " could not be run", e);
                packageFailed(runId, loaded.id(), "the package could not be run: " + e, events);
            }
        }

        RunRecord run = new RunRecord(runId, mode, config.host(), config.environment(), start,
            Duration.between(start, clock.instant()), events.count(Outcome.HEALTHY), events.count(Outcome.REPAIRED),
            events.count(Outcome.UNRESOLVED), events.count(Outcome.SKIPPED));
        bus.runFinished(run);
        return new RunReport(run, events.checks(), events.repairs(), events.problems());
    }

    private void runPackage(String runId, RunMode mode, Selection selection, ConfiguredPackage pkg, RunEvents events,
            PackageRunner runner, RepairRunner repairs) {
        String id = pkg.loaded().id();
        Batch batch = runner.run(pkg.loaded(), pkg, PackageRunner.Phase.CHECKS,
            check -> selection.mayInclude(check) && pkg.options(check).isEnabled(), pkg.longestTimeout());
        if (batch.executions().isEmpty() && !batch.problems().isEmpty()) {
            packageFailed(runId, id, String.join("; ", batch.problems()), events);
            return;
        }
        batch.problems().forEach(problem ->
            events.problem(new RunProblem(runId, RunProblem.Kind.PACKAGE, id, problem, clock.instant())));
        if (selection.check().isEmpty()) {
            recordRecovery(runId, id, events);
        }
        events.measurements(runId, id, batch.measurements());

        Healer healer = new Healer(runner, repairs, clock, events);
        for (CheckExecution execution : batch.executions()) {
            if (!selection.includes(execution.check())) {
                // another invocation of a selected parameterized check: it ran, but was not asked for
                continue;
            }
            CheckRecord record = switch (execution.status()) {
                case PASSED -> record(runId, execution, Outcome.HEALTHY, Reason.NONE, "");
                case SKIPPED -> record(runId, execution, Outcome.SKIPPED, Reason.NONE, execution.message());
                case FAILED -> mode.repairs()
                    ? healer.heal(runId, pkg, execution)
                    : record(runId, execution, Outcome.UNRESOLVED, Reason.CHECK_ONLY, execution.message());
            };
            events.check(record);
        }

        if (mode == RunMode.RUN && selection.check().isEmpty()) {
            Batch stats = runner.run(pkg.loaded(), pkg, PackageRunner.Phase.STATS,
                check -> pkg.options(check).isEnabled(), pkg.longestTimeout());
            events.measurements(runId, id, stats.measurements());
            for (CheckExecution execution : stats.executions()) {
                if (execution.status() == CheckExecution.Status.FAILED) {
                    events.problem(new RunProblem(runId, RunProblem.Kind.STATS, execution.check().toString(),
                        execution.message(), clock.instant()));
                }
            }
        }
    }

    private void packageFailed(String runId, String packageId, String message, RunEvents events) {
        Instant now = clock.instant();
        events.problem(new RunProblem(runId, RunProblem.Kind.PACKAGE, packageId, message, now));
        events.check(new CheckRecord(runId, new CheckId(packageId, PACKAGE_CHECK), Outcome.UNRESOLVED,
            Reason.LOAD_FAILED, now, Duration.ZERO, 0, message, ""));
    }

    /** Records that a package which failed before loads again, so that its alert clears. */
    private void recordRecovery(String runId, String packageId, RunEvents events) {
        boolean wasBroken = store.map(history -> history.status(Selection.of(packageId, PACKAGE_CHECK)).stream()
            .anyMatch(status -> status.last().outcome() == Outcome.UNRESOLVED)).orElse(false);
        if (wasBroken) {
            events.check(new CheckRecord(runId, new CheckId(packageId, PACKAGE_CHECK), Outcome.HEALTHY, Reason.NONE,
                clock.instant(), Duration.ZERO, 0, "the package loads again", ""));
        }
    }

    private static CheckRecord record(String runId, CheckExecution execution, Outcome outcome, Reason reason,
            String message) {
        return new CheckRecord(runId, execution.check(), outcome, reason, execution.startedAt(), execution.duration(),
            1, message, "");
    }
}
