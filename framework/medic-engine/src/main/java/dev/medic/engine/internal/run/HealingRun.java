package dev.medic.engine.internal.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.medic.api.CheckId;
import dev.medic.api.Repair;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.CheckState;
import dev.medic.engine.HealthState;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunProblem;
import dev.medic.engine.Selection;
import dev.medic.engine.Sleeper;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.Option;
import dev.medic.engine.internal.healing.Pairing;
import dev.medic.engine.internal.healing.RepairRunner;
import dev.medic.engine.internal.junit.Batch;
import dev.medic.engine.internal.junit.CheckExecution;
import dev.medic.engine.internal.junit.PackageRunner;
import dev.medic.engine.internal.loading.LoadFailure;
import dev.medic.engine.internal.loading.LoadedPackage;
import dev.medic.engine.internal.loading.LoadedPackages;
import dev.medic.engine.internal.policy.Policy;
import dev.medic.engine.internal.policy.StateMachine;
import dev.medic.engine.internal.policy.Verdict;
import dev.medic.engine.spi.Store;

/**
 * One run, in four phases:
 * <ol>
 * <li>run every selected check of every package, recording the ones that pass or skip at once;</li>
 * <li>recheck the failures of checks that were healthy, all together after one shared delay, so
 *     that a confirmation never holds up the other checks; a passing recheck cancels the failure;</li>
 * <li>decide, in dependency order, what to do about each confirmed failure (the healing policy)
 *     and heal what may be healed;</li>
 * <li>collect stats ({@code medic run} only).</li>
 * </ol>
 * Each check's policy state is updated and saved as its record is made.
 */
final class HealingRun {

    private static final System.Logger LOG = System.getLogger(HealingRun.class.getName());

    private final String runId;
    private final RunMode mode;
    private final Selection selection;
    private final MedicConfig config;
    private final LoadedPackages packages;
    private final Optional<Store> store;
    private final RunEvents events;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PackageRunner runner;
    private final Healer healer;
    private final HealerLocks locks;
    private final Map<CheckId, CheckState> states;
    private final Map<CheckId, CheckRecord> finished = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<ConfiguredPackage> ran = new ArrayList<>();

    /** A failed check on its way to a decision. */
    private static final class Failure {
        final ConfiguredPackage pkg;
        final CheckExecution first;
        CheckExecution latest;
        int executions = 1;

        Failure(ConfiguredPackage pkg, CheckExecution first) {
            this.pkg = pkg;
            this.first = first;
            this.latest = first;
        }

        CheckId check() {
            return first.check();
        }

        CheckOptions options() {
            return pkg.options(first.check());
        }
    }

    HealingRun(String runId, RunMode mode, Selection selection, MedicConfig config, LoadedPackages packages,
            Optional<Store> store, RunEvents events, Clock clock, Sleeper sleeper) {
        this.runId = runId;
        this.mode = mode;
        this.selection = selection;
        this.config = config;
        this.packages = packages;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.sleeper = sleeper;
        this.runner = new PackageRunner(clock);
        this.healer = new Healer(runner, new RepairRunner(clock), sleeper, events);
        this.locks = new HealerLocks(config.stateDir().resolve("locks"), clock);
        this.states = new LinkedHashMap<>(store.map(history -> history.states(Selection.all())).orElse(Map.of()));
    }

    void execute() throws InterruptedException {
        for (LoadFailure failure : packages.failures()) {
            if (selection.includesPackage(failure.packageId())) {
                packageFailed(failure.packageId(), failure.message());
            }
        }
        for (LoadedPackage loaded : packages.packages()) {
            if (selection.includesPackage(loaded.id())) {
                runChecks(new ConfiguredPackage(loaded, config, selection));
            }
        }
        confirm();
        for (Failure failure : DependencyOrder.of(List.copyOf(failures), Failure::check, HealingRun::dependencies)) {
            decide(failure);
        }
        if (mode == RunMode.RUN && selection.coversWholePackages() || mode == RunMode.DAEMON) {
            ran.forEach(this::collectStats);
        }
    }

    private void runChecks(ConfiguredPackage pkg) {
        String id = pkg.loaded().id();
        try {
            Batch batch = runner.run(pkg.loaded(), pkg, PackageRunner.Phase.CHECKS,
                check -> selection.mayInclude(check) && pkg.options(check).isEnabled(), pkg.longestTimeout());
            if (batch.executions().isEmpty() && !batch.problems().isEmpty()) {
                packageFailed(id, String.join("; ", batch.problems()));
                return;
            }
            ran.add(pkg);
            batch.problems().forEach(problem ->
                events.problem(new RunProblem(runId, RunProblem.Kind.PACKAGE, id, problem, clock.instant())));
            if (selection.coversWholePackages()) {
                recordRecovery(id);
            }
            events.measurements(runId, id, batch.measurements());
            for (CheckExecution execution : batch.executions()) {
                if (!selection.includes(execution.check())) {
                    continue; // another invocation of a selected parameterized check: it ran, but was not asked for
                }
                switch (execution.status()) {
                    case PASSED -> passed(pkg, execution, 1, "");
                    case SKIPPED -> skipped(pkg, execution);
                    case FAILED -> failures.add(new Failure(pkg, execution));
                }
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            LOG.log(System.Logger.Level.ERROR, "package " + id + " could not be run", e);
            packageFailed(id, "the package could not be run: " + e);
        }
    }

    /** Rechecks failures of checks that were healthy, together, so that one wait serves them all. */
    private void confirm() throws InterruptedException {
        for (int round = 1; round <= Option.CONFIRM.max(); round++) {
            int current = round;
            List<Failure> due = failures.stream().filter(failure -> needsConfirmation(failure)
                && failure.options().get(Option.CONFIRM) >= current).toList();
            if (due.isEmpty()) {
                return;
            }
            sleeper.sleep(due.stream().map(failure -> failure.options().get(Option.CONFIRM_DELAY))
                .max(Duration::compareTo).orElse(Duration.ZERO));
            Map<ConfiguredPackage, List<Failure>> byPackage = new LinkedHashMap<>();
            due.forEach(failure -> byPackage.computeIfAbsent(failure.pkg, pkg -> new ArrayList<>()).add(failure));
            byPackage.forEach(this::recheck);
        }
    }

    private boolean needsConfirmation(Failure failure) {
        return failures.contains(failure) && state(failure.check()).state() == HealthState.HEALTHY;
    }

    private void recheck(ConfiguredPackage pkg, List<Failure> due) {
        Batch batch = runner.retest(pkg.loaded(), pkg, due.stream().map(failure -> failure.first.uniqueId()).toList(),
            pkg.longestTimeout());
        events.measurements(runId, pkg.loaded().id(), batch.measurements());
        for (Failure failure : due) {
            failure.executions++;
            Optional<CheckExecution> again = batch.executions().stream()
                .filter(execution -> execution.uniqueId().equals(failure.first.uniqueId())).findFirst();
            if (again.isPresent() && again.get().passed()) {
                failures.remove(failure);
                passed(pkg, failure.first, failure.executions, "failed once (" + failure.first.message()
                    + "), then passed on recheck");
            } else {
                again.ifPresent(execution -> failure.latest = execution);
            }
        }
    }

    private void decide(Failure failure) throws InterruptedException {
        CheckId id = failure.check();
        CheckOptions options = failure.options();
        Instant now = clock.instant();
        CheckState state = StateMachine.confirmedFailure(state(id), now, options);
        Optional<ConfiguredPackage.OpenWindow> window = failure.pkg.openMaintenance(id, now);
        Optional<Class<? extends Repair>> repair = Pairing.repairFor(failure.first.testClass(), failure.first.method());
        String repairName = repair.map(Class::getSimpleName).orElse("");
        if (mode.repairs() && window.isEmpty() && dependencyRepaired(failure)
                && healer.passes(runId, failure.pkg, failure.first, options)) {
            // Its dependency was repaired earlier in this run, and that was all it needed.
            failure.executions++;
            finish(failure, StateMachine.passed(state, clock.instant(), options), Outcome.REPAIRED, Reason.NONE,
                "was failing: " + failure.latest.message() + "; recovered after a check it depends on was repaired",
                repairName, "", window);
            return;
        }
        Verdict verdict = Policy.judge(new Policy.Facts(mode, state, options, now,
            window.map(open -> open.name() + " until " + open.until()), repair.map(Class::getSimpleName),
            failingDependency(failure), failure.latest.message()));
        if (!verdict.repairs()) {
            finish(failure, verdict.state(), Outcome.UNRESOLVED, verdict.reason().orElseThrow(), verdict.message(),
                repairName, verdict.blockedBy(), window);
            return;
        }
        Optional<HealerLocks.Held> lock = lock(id, options);
        if (lock.isEmpty()) {
            finish(failure, state, Outcome.UNRESOLVED, Reason.HEALING_ELSEWHERE, failure.latest.message()
                + " (another Medic process is repairing it: " + locks.holder(id) + ")", repairName, "", window);
            return;
        }
        try (HealerLocks.Held held = lock.get()) {
            if (held.waited()) {
                // Another healer had it: it may have fixed the check, or used up its repairs.
                CheckState fresh = freshState(id).orElse(state);
                if (healer.passes(runId, failure.pkg, failure.first, options)) {
                    failure.executions++;
                    finish(failure, StateMachine.passed(fresh, clock.instant(), options), Outcome.HEALTHY, Reason.NONE,
                        "was failing: " + failure.latest.message() + "; repaired meanwhile by another Medic process",
                        repairName, "", window);
                    return;
                }
                verdict = Policy.judge(new Policy.Facts(mode, fresh, options, clock.instant(),
                    window.map(open -> open.name() + " until " + open.until()), repair.map(Class::getSimpleName),
                    failingDependency(failure), failure.latest.message()));
                if (!verdict.repairs()) {
                    finish(failure, verdict.state(), Outcome.UNRESOLVED, verdict.reason().orElseThrow(),
                        verdict.message(), repairName, verdict.blockedBy(), window);
                    return;
                }
                state = verdict.state();
            }
            Healer.Result result = healer.heal(runId, failure.pkg, failure.latest, repair.get(), options);
            failure.executions += result.executions();
            if (result.repairRan()) {
                state = StateMachine.repairAttempted(state, now, options);
            }
            state = result.outcome() == Outcome.REPAIRED ? StateMachine.passed(state, clock.instant(), options) : state;
            finish(failure, state, result.outcome(), result.reason(), result.message(), repairName, "", window);
        }
    }

    /** Takes the check's healer lock, waiting as long as another healer's repair and retests can take. */
    private Optional<HealerLocks.Held> lock(CheckId id, CheckOptions options) throws InterruptedException {
        Duration patience = options.repairTimeout().plus(options.checkTimeout().plus(options.get(Option.RETEST_DELAY))
            .multipliedBy(options.get(Option.RETESTS))).plusSeconds(10);
        try {
            return locks.acquire(id, patience);
        } catch (java.io.IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot take the healer lock of " + id + "; repairing without it", e);
            return Optional.of(locks.unlocked());
        }
    }

    private Optional<CheckState> freshState(CheckId id) {
        return store.map(history -> history.states(Selection.ofChecks(java.util.Set.of(id))).get(id));
    }

    private void passed(ConfiguredPackage pkg, CheckExecution execution, int executions, String message) {
        CheckOptions options = pkg.options(execution.check());
        CheckState state = StateMachine.passed(state(execution.check()), clock.instant(), options);
        record(pkg, execution, state, Outcome.HEALTHY, Reason.NONE, executions, message, "", "",
            pkg.openMaintenance(execution.check(), clock.instant()));
    }

    private void skipped(ConfiguredPackage pkg, CheckExecution execution) {
        record(pkg, execution, state(execution.check()), Outcome.SKIPPED, Reason.NONE, 1, execution.message(), "", "",
            pkg.openMaintenance(execution.check(), clock.instant()));
    }

    private void finish(Failure failure, CheckState state, Outcome outcome, Reason reason, String message,
            String repair, String blockedBy, Optional<ConfiguredPackage.OpenWindow> window) {
        record(failure.pkg, failure.first, state, outcome, reason, failure.executions, message, repair, blockedBy, window);
    }

    private void record(ConfiguredPackage pkg, CheckExecution first, CheckState state, Outcome outcome, Reason reason,
            int executions, String message, String repair, String blockedBy, Optional<ConfiguredPackage.OpenWindow> window) {
        Instant now = clock.instant();
        Duration duration = Duration.between(first.startedAt(), now);
        boolean flapping = StateMachine.flapping(state, now, pkg.options(first.check()));
        CheckRecord record = new CheckRecord(runId, first.check(), outcome, reason, first.startedAt(),
            duration.isNegative() ? Duration.ZERO : duration, executions, message, repair, state.state(), flapping,
            blockedBy, window.map(ConfiguredPackage.OpenWindow::name).orElse(""));
        saveState(state);
        finished.put(first.check(), record);
        events.check(record);
    }

    private CheckState state(CheckId check) {
        return states.getOrDefault(check, CheckState.initial(check, clock.instant()));
    }

    private void saveState(CheckState state) {
        states.put(state.check(), state);
        store.ifPresent(history -> {
            try {
                history.saveState(state);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the policy state of " + state.check() + " could not be saved", e);
                events.problem(new RunProblem(runId, RunProblem.Kind.LISTENER, "store", "the policy state of "
                    + state.check() + " could not be saved: " + e.getMessage(), clock.instant()));
            }
        });
    }

    /** The first check this one depends on that is failing: in this run, or (if it did not run) by its state. */
    private Optional<String> failingDependency(Failure failure) {
        for (CheckId dependency : dependencies(failure)) {
            List<CheckRecord> thisRun = finished.values().stream().filter(record -> matches(dependency, record.check())).toList();
            boolean pending = failures.stream().anyMatch(other -> other != failure && matches(dependency, other.check())
                && !finished.containsKey(other.check()));
            if (pending || thisRun.stream().anyMatch(record -> record.outcome() == Outcome.UNRESOLVED)) {
                return Optional.of(dependency.toString());
            }
            if (thisRun.isEmpty() && states.values().stream().anyMatch(known -> matches(dependency, known.check())
                    && known.state() != HealthState.HEALTHY)) {
                return Optional.of(dependency.toString());
            }
        }
        return Optional.empty();
    }

    private boolean dependencyRepaired(Failure failure) {
        return dependencies(failure).stream().anyMatch(dependency -> finished.values().stream()
            .anyMatch(record -> matches(dependency, record.check()) && record.outcome() == Outcome.REPAIRED));
    }

    private static List<CheckId> dependencies(Failure failure) {
        return failure.options().get(Option.DEPENDS_ON).stream()
            .map(reference -> DependencyOrder.resolve(reference, failure.check().packageId())).toList();
    }

    private static boolean matches(CheckId dependency, CheckId check) {
        return DependencyOrder.matches(dependency, check);
    }

    private void collectStats(ConfiguredPackage pkg) {
        String id = pkg.loaded().id();
        // medic run collects every stats method; the daemon only the ones that are due.
        Batch stats = runner.run(pkg.loaded(), pkg, PackageRunner.Phase.STATS,
            check -> pkg.options(check).isEnabled() && (mode != RunMode.DAEMON || selection.includes(check)),
            pkg.longestTimeout());
        events.measurements(runId, id, stats.measurements());
        for (CheckExecution execution : stats.executions()) {
            if (execution.status() == CheckExecution.Status.FAILED) {
                events.problem(new RunProblem(runId, RunProblem.Kind.STATS, execution.check().toString(),
                    execution.message(), clock.instant()));
            }
        }
    }

    private void packageFailed(String packageId, String message) {
        Instant now = clock.instant();
        events.problem(new RunProblem(runId, RunProblem.Kind.PACKAGE, packageId, message, now));
        events.check(new CheckRecord(runId, new CheckId(packageId, RunCoordinator.PACKAGE_CHECK), Outcome.UNRESOLVED,
            Reason.LOAD_FAILED, now, Duration.ZERO, 0, message, ""));
    }

    /** Records that a package which failed before loads again, so that its alert clears. */
    private void recordRecovery(String packageId) {
        boolean wasBroken = store.map(history -> history.status(Selection.of(packageId, RunCoordinator.PACKAGE_CHECK))
            .stream().anyMatch(status -> status.last().outcome() == Outcome.UNRESOLVED)).orElse(false);
        if (wasBroken) {
            events.check(new CheckRecord(runId, new CheckId(packageId, RunCoordinator.PACKAGE_CHECK), Outcome.HEALTHY,
                Reason.NONE, clock.instant(), Duration.ZERO, 0, "the package loads again", ""));
        }
    }
}
