package dev.medic.engine.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import dev.medic.api.internal.Durations;

/**
 * When the daemon runs a check: every fixed interval, or at the times of a cron expression.
 */
public sealed interface Schedule permits Schedule.Every, Schedule.Cron {

    /** How the accepted forms are described in error messages. */
    String ALLOWED = "a positive interval such as 30s, 5m or 1h, or " + CronExpression.ALLOWED;

    /** Reads an interval ({@code 5m}) or a cron expression ({@code 0 * * * *}). */
    static Optional<Schedule> parse(String text) {
        Optional<Duration> interval = Durations.parse(text).filter(value -> !value.isZero() && !value.isNegative());
        if (interval.isPresent()) {
            return Optional.of(new Every(interval.get()));
        }
        return CronExpression.parse(text).map(Cron::new);
    }

    /** The first time after {@code last} at which the check is due. */
    Instant next(Instant last, ZoneId zone);

    /** How long a silent daemon would look for this schedule: the interval, or the gap after the next cron time. */
    Duration period(Instant now, ZoneId zone);

    /** Every fixed interval. */
    record Every(Duration interval) implements Schedule {

        public Every {
            Objects.requireNonNull(interval, "interval");
        }

        @Override
        public Instant next(Instant last, ZoneId zone) {
            return last.plus(interval);
        }

        @Override
        public Duration period(Instant now, ZoneId zone) {
            return interval;
        }

        @Override
        public String toString() {
            return "every " + Durations.format(interval);
        }
    }

    /** At the times of a cron expression, read in the daemon's time zone. */
    record Cron(CronExpression expression) implements Schedule {

        public Cron {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public Instant next(Instant last, ZoneId zone) {
            return expression.next(last.atZone(zone)).toInstant();
        }

        @Override
        public Duration period(Instant now, ZoneId zone) {
            Instant first = next(now, zone);
            return Duration.between(first, next(first, zone));
        }

        @Override
        public String toString() {
            return "cron " + expression;
        }
    }
}
