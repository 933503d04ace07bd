package dev.medic.engine.internal.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import dev.medic.engine.CheckState;
import dev.medic.engine.HealthState;
import dev.medic.engine.Reason;
import dev.medic.engine.RunMode;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.Option;

/**
 * The decision list for a confirmed failure, in the order docs/healing.md gives it: the first
 * rule that applies decides. Pure: the same inputs give the same verdict.
 */
public final class Policy {

    /**
     * Everything a decision depends on.
     *
     * @param mode        the run's mode
     * @param state       the check's state, with this failure counted
     * @param options     the check's options
     * @param now         the time of the decision
     * @param window      the name and end of an open maintenance window
     * @param repair      the simple name of the paired repair, if any
     * @param blockedBy   a failing dependency, if any
     * @param failure     the failure text
     */
    public record Facts(RunMode mode, CheckState state, CheckOptions options, Instant now, Optional<String> window,
            Optional<String> repair, Optional<String> blockedBy, String failure) {
    }

    private Policy() {
    }

    public static Verdict judge(Facts facts) {
        CheckState state = facts.state();
        CheckOptions options = facts.options();
        String failed = facts.failure();
        if (!facts.mode().repairs()) {
            return Verdict.unresolved(Reason.CHECK_ONLY, failed, state);
        }
        if (facts.window().isPresent()) {
            return Verdict.unresolved(Reason.SUPPRESSED, failed + " (maintenance window " + facts.window().get()
                + ": not repaired)", state);
        }
        if (options.isReportOnly()) {
            return Verdict.unresolved(Reason.SUPPRESSED, failed + facts.repair().map(name -> " (report-only: repair "
                + name + " not run)").orElse(" (report-only)"), state);
        }
        if (facts.repair().isEmpty()) {
            return Verdict.unresolved(Reason.NO_REPAIR, failed, state);
        }
        if (facts.blockedBy().isPresent()) {
            return new Verdict(Optional.of(Reason.BLOCKED), failed + " (not repaired: it depends on "
                + facts.blockedBy().get() + ", which is failing)", state, facts.blockedBy().get());
        }
        if (state.state() == HealthState.GIVEN_UP) {
            return Verdict.unresolved(Reason.GIVEN_UP, failed + givenUp(state, options), state);
        }
        if (state.consecutiveFailures() < options.get(Option.THRESHOLD)) {
            return Verdict.unresolved(Reason.BELOW_THRESHOLD, failed + " (confirmed failure " + state.consecutiveFailures()
                + " in a row; repairs start at " + options.get(Option.THRESHOLD) + ")", state);
        }
        if (StateMachine.repairsInWindow(state, facts.now(), options) >= options.get(Option.MAX_REPAIRS)) {
            CheckState given = StateMachine.givenUp(state, facts.now());
            return Verdict.unresolved(Reason.GIVEN_UP, failed + givenUp(given, options), given);
        }
        Optional<Instant> next = StateMachine.nextRepairAllowed(state, options).filter(facts.now()::isBefore);
        if (next.isPresent()) {
            return Verdict.unresolved(Reason.BACKOFF, failed + " (repair " + facts.repair().get() + " was attempted at "
                + state.lastRepair().orElseThrow() + "; the next attempt waits until " + next.get() + ")", state);
        }
        return Verdict.repair(state);
    }

    private static String givenUp(CheckState state, CheckOptions options) {
        return " (given up: " + state.repairs().size() + " repairs within " + human(options.get(Option.REPAIR_WINDOW))
            + " did not fix it; repairs resume after " + options.get(Option.RECOVER_AFTER)
            + " passes in a row, or 'medic reset')";
    }

    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
