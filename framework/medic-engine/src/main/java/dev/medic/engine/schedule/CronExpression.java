package dev.medic.engine.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;

/**
 * A standard five-field cron expression: minute, hour, day of month, month, day of week.
 *
 * <p>Each field takes {@code *}, a number, a range {@code a-b}, a step {@code * /n} or
 * {@code a-b/n}, and lists of these separated by commas. Months and days may be written as
 * {@code JAN}–{@code DEC} and {@code SUN}–{@code SAT}; day of week 0 and 7 are both Sunday. As in
 * Vixie cron, when both day fields are restricted a time matches if either matches. Immutable.
 */
public final class CronExpression {

    /** How the accepted form is described in error messages. */
    public static final String ALLOWED = "a five-field cron expression such as '0 2 * * *' "
        + "(minute hour day-of-month month day-of-week)";

    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronExpression(String text, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
            BitSet daysOfWeek, boolean anyDayOfMonth, boolean anyDayOfWeek) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.anyDayOfMonth = anyDayOfMonth;
        this.anyDayOfWeek = anyDayOfWeek;
    }

    /** Parses an expression, or returns empty when it is not a valid one. */
    public static Optional<CronExpression> parse(String text) {
        String[] fields = text.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (fields.length != 5) {
            return Optional.empty();
        }
        try {
            BitSet daysOfWeek = field(fields[4], 0, 7, DAYS);
            if (daysOfWeek.get(7)) {
                daysOfWeek.set(0);
            }
            return Optional.of(new CronExpression(text.trim(), field(fields[0], 0, 59, null), field(fields[1], 0, 23, null),
                field(fields[2], 1, 31, null), field(fields[3], 1, 12, MONTHS), daysOfWeek,
                fields[2].equals("*"), fields[4].equals("*")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when the expression fires at this minute. */
    public boolean matches(ZonedDateTime time) {
        return minutes.get(time.getMinute()) && hours.get(time.getHour()) && months.get(time.getMonthValue())
            && dayMatches(time);
    }

    /** The first time after the given one (to the minute) at which the expression fires. */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime time = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = time.plusYears(5);
        while (time.isBefore(limit)) {
            if (!months.get(time.getMonthValue())) {
                time = time.plusMonths(1).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
            } else if (!dayMatches(time)) {
                time = time.plusDays(1).truncatedTo(ChronoUnit.DAYS);
            } else if (!hours.get(time.getHour())) {
                time = time.plusHours(1).truncatedTo(ChronoUnit.HOURS);
            } else if (!minutes.get(time.getMinute())) {
                time = time.plusMinutes(1);
            } else {
                return time;
            }
        }
        throw new IllegalStateException("cron expression '" + text + "' never fires");
    }

    /**
     * The latest time, at most {@code lookback} before the given one, at which the expression
     * fired; empty when it did not fire in that span.
     */
    public Optional<ZonedDateTime> latestAtOrBefore(ZonedDateTime time, Duration lookback) {
        ZonedDateTime candidate = time.truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime earliest = time.minus(lookback);
        while (!candidate.isBefore(earliest)) {
            if (matches(candidate)) {
                return Optional.of(candidate);
            }
            candidate = candidate.minusMinutes(1);
        }
        return Optional.empty();
    }

    private boolean dayMatches(ZonedDateTime time) {
        boolean dayOfMonth = daysOfMonth.get(time.getDayOfMonth());
        boolean dayOfWeek = daysOfWeek.get(time.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : time.getDayOfWeek().getValue());
        if (anyDayOfMonth || anyDayOfWeek) {
            return dayOfMonth && dayOfWeek;
        }
        return dayOfMonth || dayOfWeek;
    }

    private static BitSet field(String text, int min, int max, String[] names) {
        BitSet values = new BitSet(max + 1);
        for (String part : text.split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = Integer.parseInt(part.substring(slash + 1));
                if (step < 1) {
                    throw new IllegalArgumentException("step " + step);
                }
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = value(ends[0], names, min);
                to = value(ends[1], names, min);
            } else {
                from = value(range, names, min);
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to) {
                throw new IllegalArgumentException(part + " is outside " + min + "-" + max);
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private static int value(String text, String[] names, int min) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(text)) {
                    return i + min;
                }
            }
        }
        return Integer.parseInt(text);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression cron && cron.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
