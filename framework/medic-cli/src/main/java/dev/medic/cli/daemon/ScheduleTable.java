package dev.medic.cli.daemon;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import dev.medic.api.CheckId;
import dev.medic.engine.schedule.Schedule;

/**
 * When each check and stats method is next due, and which are running now. A check that is still
 * running when it comes due again waits: never two executions of the same check at once.
 */
final class ScheduleTable {

    private static final class Entry {
        final Schedule schedule;
        final Duration jitter;
        Instant next;
        boolean running;

        Entry(Schedule schedule, Duration jitter, Instant next) {
            this.schedule = schedule;
            this.jitter = jitter;
            this.next = next;
        }
    }

    private final Map<CheckId, Entry> entries = new LinkedHashMap<>();
    private final ZoneId zone;
    private final RandomGenerator random;

    ScheduleTable(ZoneId zone, RandomGenerator random) {
        this.zone = zone;
        this.random = random;
    }

    /**
     * Takes the schedules of a (new or reloaded) configuration. A check whose schedule did not
     * change keeps its next due time; a new one starts after a random part of the splay.
     */
    synchronized void update(Map<CheckId, Schedule> schedules, Duration splay, Instant now) {
        Map<CheckId, Entry> kept = new LinkedHashMap<>();
        schedules.forEach((check, schedule) -> {
            Entry old = entries.get(check);
            if (old != null && old.schedule.equals(schedule)) {
                kept.put(check, old);
            } else {
                Duration bound = min(splay, schedule.period(now, zone));
                Duration jitter = bound.isZero() ? Duration.ZERO : Duration.ofMillis(random.nextLong(bound.toMillis()));
                Instant first = schedule instanceof Schedule.Every ? now.plus(jitter) : schedule.next(now, zone).plus(jitter);
                Entry entry = new Entry(schedule, jitter, first);
                entry.running = old != null && old.running;
                kept.put(check, entry);
            }
        });
        entries.clear();
        entries.putAll(kept);
    }

    /** The checks due now that are not running; they are marked running. */
    synchronized List<CheckId> takeDue(Instant now) {
        List<CheckId> due = new ArrayList<>();
        entries.forEach((check, entry) -> {
            if (!entry.running && !entry.next.isAfter(now)) {
                entry.running = true;
                due.add(check);
            }
        });
        return due;
    }

    /** A run of these checks that started at {@code start} has ended: schedule their next runs. */
    synchronized void finished(List<CheckId> checks, Instant start, Instant now) {
        for (CheckId check : checks) {
            Entry entry = entries.get(check);
            if (entry != null) {
                entry.running = false;
                Instant next = entry.schedule instanceof Schedule.Every every
                    ? start.plus(every.interval())
                    : entry.schedule.next(now, zone).plus(entry.jitter);
                entry.next = next.isBefore(now) ? now : next;
            }
        }
    }

    /** When the next check is due, if any is scheduled. */
    synchronized Optional<Instant> nextDue() {
        return entries.values().stream().filter(entry -> !entry.running).map(entry -> entry.next).min(Instant::compareTo);
    }

    /** Every check's next due time, for medic status. */
    synchronized Map<CheckId, Instant> nextDueTimes() {
        Map<CheckId, Instant> times = new LinkedHashMap<>();
        entries.forEach((check, entry) -> times.put(check, entry.next));
        return times;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
