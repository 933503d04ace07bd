package dev.medic.cli.output;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.medic.engine.RunRecord;

/** Durations, times and counts the way people read them. */
public final class Formats {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    /** {@code 1 repair}, {@code 3 repairs}: a count with a noun that takes an s. */
    public static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** {@code 1 check: 1 healthy, 0 repaired, 0 unresolved, 0 skipped}: a run's counts. */
    public static String counts(RunRecord run) {
        return count(run.checks(), "check") + ": " + run.healthy() + " healthy, "
            + run.repaired() + " repaired, " + run.unresolved() + " unresolved, " + run.skipped() + " skipped";
    }

    /** {@code 12 ms}, {@code 1.3 s}, {@code 2 min 5 s}. */
    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format("%.1f s", millis / 1000.0);
        }
        return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }

    /** A local date and time. */
    public static String time(Instant instant) {
        return LOCAL.format(instant);
    }

    /** How long ago, roughly: {@code 42 s ago}, {@code 3 min ago}, {@code 2 h ago}, {@code 5 d ago}. */
    public static String ago(Instant then, Instant now) {
        Duration elapsed = Duration.between(then, now);
        if (elapsed.isNegative()) {
            return "just now";
        }
        long seconds = elapsed.toSeconds();
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 3600) {
            return elapsed.toMinutes() + " min ago";
        }
        if (seconds < 86_400) {
            return elapsed.toHours() + " h ago";
        }
        return elapsed.toDays() + " d ago";
    }
}
