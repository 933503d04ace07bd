package dev.medic.engine.internal.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.medic.api.Repair;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairOutcome;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.Sleeper;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.Option;
import dev.medic.engine.internal.healing.RepairRequest;
import dev.medic.engine.internal.healing.RepairRunner;
import dev.medic.engine.internal.junit.Batch;
import dev.medic.engine.internal.junit.CheckExecution;
import dev.medic.engine.internal.junit.PackageRunner;

/**
 * Repairs one confirmed failure and retests it: up to {@code retests} times, waiting
 * {@code retest-delay} between tries, because a restarted service takes time to come up. Only a
 * passing retest makes the check {@link Outcome#REPAIRED}.
 *
 * <p>Within one run, a repair that already succeeded for another check of the same package is
 * not run again at once: the check is retested first, because the earlier repair (say, starting
 * a service) may have fixed it too.
 */
final class Healer {

    /**
     * What healing did.
     *
     * @param outcome    REPAIRED or UNRESOLVED
     * @param reason     NONE, REPAIR_FAILED or STILL_FAILING
     * @param message    the record's message
     * @param executions how many times the check was executed again
     * @param repairRan  whether the repair itself ran (it counts toward the limit)
     */
    record Result(Outcome outcome, Reason reason, String message, int executions, boolean repairRan) {
    }

    private final PackageRunner runner;
    private final RepairRunner repairs;
    private final Sleeper sleeper;
    private final RunEvents events;
    private final Map<String, Map<List<Object>, String>> succeeded = new HashMap<>();

    Healer(PackageRunner runner, RepairRunner repairs, Sleeper sleeper, RunEvents events) {
        this.runner = runner;
        this.repairs = repairs;
        this.sleeper = sleeper;
        this.events = events;
    }

    Result heal(String runId, ConfiguredPackage pkg, CheckExecution failed, Class<? extends Repair> repair,
            CheckOptions options) throws InterruptedException {
        String name = repair.getSimpleName();
        Map<List<Object>, String> done = succeeded.computeIfAbsent(pkg.loaded().id(), id -> new HashMap<>());
        // The same repair with the same settings (say, starting one service) may fix several checks at once.
        List<Object> key = List.of(repair, pkg.repairSettings(failed.check(), failed.method()).asMap());
        int executions = 0;
        String earlier = done.get(key);
        if (earlier != null) {
            executions++;
            if (passes(runId, pkg, failed, options)) {
                return new Result(Outcome.REPAIRED, Reason.NONE, "was failing: " + failed.message()
                    + "; fixed by repair " + name + " already run for " + earlier, executions, false);
            }
        }
        RepairRecord attempt = repairs.run(new RepairRequest(runId, failed.check(), repair, pkg.loaded().classLoader(),
            failed.message(), failed.failure(), pkg.repairSettings(failed.check(), failed.method()),
            pkg.stateDirectory(), options.repairTimeout()));
        events.repair(attempt);
        if (attempt.outcome() == RepairOutcome.NOT_APPLICABLE) {
            return new Result(Outcome.UNRESOLVED, Reason.NO_REPAIR, failed.message() + "; repair " + name
                + " does not apply: " + attempt.message(), executions, false);
        }
        if (!attempt.outcome().isSuccess()) {
            return new Result(Outcome.UNRESOLVED, Reason.REPAIR_FAILED, failed.message() + "; repair " + name + " "
                + describe(attempt), executions, true);
        }
        done.put(key, failed.check().name());
        String lastFailure = failed.message();
        int retests = options.get(Option.RETESTS);
        for (int retest = 1; retest <= retests; retest++) {
            if (retest > 1) {
                sleeper.sleep(options.get(Option.RETEST_DELAY));
            }
            executions++;
            Optional<CheckExecution> again = retest(runId, pkg, failed, options);
            if (again.isPresent() && again.get().passed()) {
                return new Result(Outcome.REPAIRED, Reason.NONE, "was failing: " + failed.message() + "; repaired by "
                    + name + (attempt.message().isEmpty() ? "" : ": " + attempt.message())
                    + (retest > 1 ? " (retest " + retest + " of " + retests + " passed)" : ""), executions, true);
            }
            lastFailure = again.map(CheckExecution::message).filter(text -> !text.isEmpty())
                .orElse("the check could not be run again");
        }
        return new Result(Outcome.UNRESOLVED, Reason.STILL_FAILING, lastFailure + "; repair " + name
            + " reported success" + (attempt.message().isEmpty() ? "" : " (" + attempt.message() + ")")
            + " but " + (retests == 1 ? "the retest still fails" : "all " + retests + " retests still fail"),
            executions, true);
    }

    /** Runs the check again once; true when it passes. */
    boolean passes(String runId, ConfiguredPackage pkg, CheckExecution failed, CheckOptions options) {
        return retest(runId, pkg, failed, options).map(CheckExecution::passed).orElse(false);
    }

    private Optional<CheckExecution> retest(String runId, ConfiguredPackage pkg, CheckExecution failed,
            CheckOptions options) {
        Batch batch = runner.retest(pkg.loaded(), pkg, List.of(failed.uniqueId()), options.checkTimeout());
        events.measurements(runId, pkg.loaded().id(), batch.measurements());
        return batch.executions().stream().filter(execution -> execution.uniqueId().equals(failed.uniqueId())).findFirst();
    }

    private static String describe(RepairRecord attempt) {
        return switch (attempt.outcome()) {
            case THREW -> "threw " + attempt.message();
            case TIMED_OUT -> attempt.message();
            case FAILED -> "failed" + (attempt.message().isEmpty() ? "" : ": " + attempt.message());
            case SUCCEEDED -> "succeeded";
            case NOT_APPLICABLE -> "does not apply";
        };
    }
}
