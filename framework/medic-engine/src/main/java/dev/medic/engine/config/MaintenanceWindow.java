package dev.medic.engine.config;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import dev.medic.engine.schedule.CronExpression;

/**
 * A time during which checks still run and are recorded, but nothing is repaired: a recurring
 * window (a cron expression for its starts, and a duration) or a date range.
 *
 * @param name     what the records and metrics call it
 * @param cron     when a recurring window starts
 * @param duration how long a recurring window lasts
 * @param from     the start of a date range
 * @param until    the end of a date range (exclusive)
 * @param zone     the time zone the cron expression is read in
 */
public record MaintenanceWindow(String name, Optional<CronExpression> cron, Duration duration, Optional<Instant> from,
        Optional<Instant> until, ZoneId zone) {

    public MaintenanceWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        if (cron.isPresent() == from.isPresent()) {
            throw new IllegalArgumentException("maintenance window " + name + " needs either cron and duration, or from and until");
        }
    }

    /** When the window that is open at this instant closes; empty when none is open. */
    public Optional<Instant> openUntil(Instant now) {
        if (from.isPresent()) {
            return !now.isBefore(from.get()) && now.isBefore(until.orElseThrow()) ? until : Optional.empty();
        }
        return cron.get().latestAtOrBefore(now.atZone(zone), duration)
            .map(start -> start.toInstant().plus(duration))
            .filter(end -> now.isBefore(end));
    }
}
