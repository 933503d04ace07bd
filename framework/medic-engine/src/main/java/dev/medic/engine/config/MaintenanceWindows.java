package dev.medic.engine.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.medic.api.internal.Durations;
import dev.medic.config.ConfigMap;
import dev.medic.config.ConfigNode;
import dev.medic.engine.schedule.CronExpression;

/** Reads {@code maintenance:} lists, reporting every problem with its line and what is allowed. */
final class MaintenanceWindows {

    static final String KEY = "maintenance";
    private static final List<String> KEYS = List.of("name", "cron", "duration", "from", "until", "zone");

    private MaintenanceWindows() {
    }

    /** The windows under {@code maintenance:} in a mapping; those with problems are reported and left out. */
    static List<MaintenanceWindow> read(ConfigMap map) {
        List<MaintenanceWindow> windows = new ArrayList<>();
        map.get(KEY).ifPresent(list -> list.asList().forEach(node -> window(node).ifPresent(windows::add)));
        return windows;
    }

    private static Optional<MaintenanceWindow> window(ConfigNode node) {
        ConfigMap window = node.asMap(KEYS);
        Optional<String> name = window.string("name");
        if (name.isEmpty()) {
            node.report("a maintenance window needs a name, and either cron and duration, or from and until");
            return Optional.empty();
        }
        ZoneId zone = window.parsed("zone", MaintenanceWindows::zone, "a time zone such as Europe/Berlin or UTC")
            .orElse(ZoneId.systemDefault());
        boolean recurring = window.has("cron") || window.has("duration");
        boolean range = window.has("from") || window.has("until");
        if (recurring == range) {
            node.report("maintenance window '" + name.get() + "' needs either cron and duration, or from and until");
            return Optional.empty();
        }
        if (recurring) {
            Optional<CronExpression> cron = window.parsed("cron", CronExpression::parse, CronExpression.ALLOWED);
            Optional<Duration> duration = window.parsed("duration",
                text -> Durations.parse(text).filter(value -> !value.isZero() && !value.isNegative()),
                "a positive " + Durations.ALLOWED);
            if (cron.isEmpty() || duration.isEmpty()) {
                if (!window.has("cron") || !window.has("duration")) {
                    node.report("maintenance window '" + name.get() + "' needs both cron and duration");
                }
                return Optional.empty();
            }
            return Optional.of(new MaintenanceWindow(name.get(), cron, duration.get(), Optional.empty(), Optional.empty(), zone));
        }
        Optional<Instant> from = window.parsed("from", text -> instant(text, zone), TIME_ALLOWED);
        Optional<Instant> until = window.parsed("until", text -> instant(text, zone), TIME_ALLOWED);
        if (from.isEmpty() || until.isEmpty()) {
            if (!window.has("from") || !window.has("until")) {
                node.report("maintenance window '" + name.get() + "' needs both from and until");
            }
            return Optional.empty();
        }
        if (!until.get().isAfter(from.get())) {
            window.report("until", "maintenance window '" + name.get() + "' ends (" + until.get() + ") before it starts ("
                + from.get() + ")");
            return Optional.empty();
        }
        return Optional.of(new MaintenanceWindow(name.get(), Optional.empty(), Duration.ZERO, from, until, zone));
    }

    private static final String TIME_ALLOWED = "an instant such as 2026-12-01T22:00:00Z, or a local date and time "
        + "such as 2026-12-01T22:00 (read in the window's zone)";

    private static Optional<Instant> instant(String text, ZoneId zone) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notInstant) {
            try {
                return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
            } catch (DateTimeParseException notLocal) {
                return Optional.empty();
            }
        }
    }

    private static Optional<ZoneId> zone(String text) {
        try {
            return Optional.of(ZoneId.of(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
