package dev.medic.engine.internal.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.medic.api.Repair;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.internal.healing.Pairing;
import dev.medic.engine.internal.healing.RepairRequest;
import dev.medic.engine.internal.healing.RepairRunner;
import dev.medic.engine.internal.junit.Batch;
import dev.medic.engine.internal.junit.CheckExecution;
import dev.medic.engine.internal.junit.PackageRunner;

/**
 * The healing loop for one failed check: repair, then retest. Only a passing retest makes a
 * check {@link Outcome#REPAIRED}.
 *
 * <p>Within one package run, a repair that already succeeded for another check is not run again
 * at once: the check is retested first, because the earlier repair (say, starting a service) may
 * have fixed it too.
 */
final class Healer {

    private final PackageRunner runner;
    private final RepairRunner repairs;
    private final Clock clock;
    private final RunEvents events;
    private final Map<Class<?>, String> succeededRepairs = new HashMap<>();

    Healer(PackageRunner runner, RepairRunner repairs, Clock clock, RunEvents events) {
        this.runner = runner;
        this.repairs = repairs;
        this.clock = clock;
        this.events = events;
    }

    CheckRecord heal(String runId, ConfiguredPackage pkg, CheckExecution failed) {
        CheckOptions options = pkg.options(failed.check());
        Optional<Class<? extends Repair>> repair = Pairing.repairFor(failed.testClass(), failed.method());
        if (repair.isEmpty()) {
            return record(runId, failed, Outcome.UNRESOLVED, Reason.NO_REPAIR, 1, failed.message(), "");
        }
        String repairName = repair.get().getSimpleName();
        if (options.isReportOnly()) {
            return record(runId, failed, Outcome.UNRESOLVED, Reason.SUPPRESSED, 1,
                failed.message() + " (report-only: repair " + repairName + " not run)", repairName);
        }
        int attempts = 1;
        String earlierCheck = succeededRepairs.get(repair.get());
        if (earlierCheck != null) {
            Optional<CheckExecution> retest = retest(runId, pkg, failed, options);
            attempts++;
            if (retest.isPresent() && retest.get().passed()) {
                return record(runId, failed, Outcome.REPAIRED, Reason.NONE, attempts, "was failing: " + failed.message()
                    + "; fixed by repair " + repairName + " already run for " + earlierCheck, repairName);
            }
        }
        RepairRecord attempt = repairs.run(new RepairRequest(runId, failed.check(), repair.get(),
            pkg.loaded().classLoader(), failed.message(), failed.failure(), pkg.repairSettings(failed.check(), failed.method()),
            pkg.stateDirectory(), options.repairTimeout()));
        events.repair(attempt);
        if (!attempt.outcome().isSuccess()) {
            return record(runId, failed, Outcome.UNRESOLVED, Reason.REPAIR_FAILED, attempts, failed.message()
                + "; repair " + repairName + " " + describe(attempt), repairName);
        }
        succeededRepairs.put(repair.get(), failed.check().name());
        Optional<CheckExecution> retest = retest(runId, pkg, failed, options);
        attempts++;
        if (retest.isPresent() && retest.get().passed()) {
            return record(runId, failed, Outcome.REPAIRED, Reason.NONE, attempts, "was failing: " + failed.message()
                + "; repaired by " + repairName + (attempt.message().isEmpty() ? "" : ": " + attempt.message()),
                repairName);
        }
        String retestFailure = retest.map(CheckExecution::message).filter(text -> !text.isEmpty())
            .orElse("the check could not be run again");
        return record(runId, failed, Outcome.UNRESOLVED, Reason.STILL_FAILING, attempts, retestFailure
            + "; repair " + repairName + " reported success" + (attempt.message().isEmpty() ? "" : " (" + attempt.message() + ")")
            + " but the retest still fails", repairName);
    }

    private Optional<CheckExecution> retest(String runId, ConfiguredPackage pkg, CheckExecution failed,
            CheckOptions options) {
        Batch batch = runner.retest(pkg.loaded(), pkg, failed.uniqueId(), options.checkTimeout());
        events.measurements(runId, pkg.loaded().id(), batch.measurements());
        return batch.executions().stream().filter(execution -> execution.uniqueId().equals(failed.uniqueId())).findFirst();
    }

    private CheckRecord record(String runId, CheckExecution first, Outcome outcome, Reason reason, int attempts,
            String message, String repair) {
        Instant end = clock.instant();
        Duration duration = Duration.between(first.startedAt(), end);
        return new CheckRecord(runId, first.check(), outcome, reason, first.startedAt(),
            duration.isNegative() ? Duration.ZERO : duration, attempts, message, repair);
    }

    private static String describe(RepairRecord attempt) {
        return switch (attempt.outcome()) {
            case THREW -> "threw " + attempt.message();
            case TIMED_OUT -> attempt.message();
            case FAILED -> "failed" + (attempt.message().isEmpty() ? "" : ": " + attempt.message());
            case SUCCEEDED -> "succeeded";
        };
    }
}
