package dev.medic.engine.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.medic.engine.schedule.Schedule;

/**
 * One option every check has, with its key in medic.yml, its type, the values allowed and
 * Medic's built-in default. The set is closed: these constants are all there is.
 *
 * @param <T> the option's value type
 */
public final class Option<T> {

    /** The kinds of values an option takes, with how they are written and checked. */
    public enum Kind {
        /** true or false. */
        BOOLEAN,
        /** A duration greater than zero. */
        DURATION,
        /** A duration of zero or more. */
        DURATION_OR_ZERO,
        /** A whole number within the option's bounds. */
        COUNT,
        /** A list of check references: {@code Check.name} in the same package, or {@code package/Check.name}. */
        CHECKS,
        /** An interval or a cron expression. */
        SCHEDULE
    }

    /** Whether the check runs at all. */
    public static final Option<Boolean> ENABLED = new Option<>("enabled", Kind.BOOLEAN, true, 0, 0);
    /** Failures are only reported (SUPPRESSED), never repaired. */
    public static final Option<Boolean> REPORT_ONLY = new Option<>("report-only", Kind.BOOLEAN, false, 0, 0);
    /** How long one execution of the check may run. */
    public static final Option<Duration> TIMEOUT = new Option<>("timeout", Kind.DURATION, Duration.ofSeconds(30), 0, 0);
    /** How long one repair attempt may run. */
    public static final Option<Duration> REPAIR_TIMEOUT =
        new Option<>("repair-timeout", Kind.DURATION, Duration.ofMinutes(2), 0, 0);
    /** When the daemon runs the check: every interval ({@code 5m}) or at cron times ({@code 0 * * * *}). */
    public static final Option<Schedule> INTERVAL =
        new Option<>("interval", Kind.SCHEDULE, new Schedule.Every(Duration.ofMinutes(5)), 0, 0);
    /** How many rechecks must also fail before a failure counts (0: none). */
    public static final Option<Integer> CONFIRM = new Option<>("confirm", Kind.COUNT, 1, 0, 10);
    /** How long to wait before each recheck. */
    public static final Option<Duration> CONFIRM_DELAY =
        new Option<>("confirm-delay", Kind.DURATION_OR_ZERO, Duration.ofSeconds(1), 0, 0);
    /** How many consecutive confirmed failures, across runs, before the first repair. */
    public static final Option<Integer> THRESHOLD = new Option<>("threshold", Kind.COUNT, 1, 1, 1000);
    /** How many times to retest after a repair before it counts as not helping. */
    public static final Option<Integer> RETESTS = new Option<>("retests", Kind.COUNT, 3, 1, 100);
    /** How long to wait between retests. */
    public static final Option<Duration> RETEST_DELAY =
        new Option<>("retest-delay", Kind.DURATION_OR_ZERO, Duration.ofSeconds(2), 0, 0);
    /** How many repair attempts within the repair window before the check is GIVEN_UP. */
    public static final Option<Integer> MAX_REPAIRS = new Option<>("max-repairs", Kind.COUNT, 3, 1, 1000);
    /** The sliding window repair attempts are counted in. */
    public static final Option<Duration> REPAIR_WINDOW =
        new Option<>("repair-window", Kind.DURATION, Duration.ofHours(1), 0, 0);
    /** How many consecutive passes take a GIVEN_UP check back to HEALTHY. */
    public static final Option<Integer> RECOVER_AFTER = new Option<>("recover-after", Kind.COUNT, 3, 1, 1000);
    /** The wait before a second repair attempt; it doubles for each attempt after that. */
    public static final Option<Duration> REPAIR_BACKOFF =
        new Option<>("repair-backoff", Kind.DURATION_OR_ZERO, Duration.ofMinutes(1), 0, 0);
    /** How many state changes within the flap window mark a check as flapping. */
    public static final Option<Integer> FLAP_THRESHOLD = new Option<>("flap-threshold", Kind.COUNT, 5, 2, 1000);
    /** The sliding window state changes are counted in. */
    public static final Option<Duration> FLAP_WINDOW = new Option<>("flap-window", Kind.DURATION, Duration.ofHours(1), 0, 0);
    /** Checks this check depends on: while one fails, this check is not repaired (BLOCKED). */
    public static final Option<List<String>> DEPENDS_ON = new Option<>("depends-on", Kind.CHECKS, List.of(), 0, 0);

    /** Every option, in the order the documentation lists them. */
    public static final List<Option<?>> ALL = List.of(ENABLED, REPORT_ONLY, TIMEOUT, REPAIR_TIMEOUT, INTERVAL,
        CONFIRM, CONFIRM_DELAY, THRESHOLD, RETESTS, RETEST_DELAY, MAX_REPAIRS, REPAIR_WINDOW, RECOVER_AFTER,
        REPAIR_BACKOFF, FLAP_THRESHOLD, FLAP_WINDOW, DEPENDS_ON);

    private final String key;
    private final Kind kind;
    private final T builtIn;
    private final int min;
    private final int max;

    private Option(String key, Kind kind, T builtIn, int min, int max) {
        this.key = key;
        this.kind = kind;
        this.builtIn = builtIn;
        this.min = min;
        this.max = max;
    }

    /** The key in medic.yml. */
    public String key() {
        return key;
    }

    /** The kind of value. */
    public Kind kind() {
        return kind;
    }

    /** Medic's default. */
    public T builtIn() {
        return builtIn;
    }

    /** The smallest value a {@link Kind#COUNT} option allows. */
    public int min() {
        return min;
    }

    /** The largest value a {@link Kind#COUNT} option allows. */
    public int max() {
        return max;
    }

    /** The keys of every option. */
    public static List<String> keys() {
        return ALL.stream().map(Option::key).toList();
    }

    @Override
    public String toString() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Option<?> option && option.key.equals(key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key);
    }
}
