package dev.medic.cli.heartbeat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.medic.api.CheckId;
import dev.medic.cli.output.Formats;
import dev.medic.engine.CheckInfo;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.Medic;
import dev.medic.engine.Outcome;
import dev.medic.engine.PackageInfo;

/**
 * Whether this host needs a human: a check whose latest record is unresolved, outside a
 * maintenance window. It is judged over every check configured here, not only the ones a run
 * selected, so that rerunning one package after a fix clears the alert only when nothing else
 * is still failing; and records of checks no longer configured are left out.
 *
 * @param failing the unresolved checks, in name order
 */
record HostHealth(List<CheckRecord> failing) {

    /** How many failing checks a ping body lists; the rest are counted. */
    private static final int LISTED = 20;
    private static final int MESSAGE = 300;

    HostHealth {
        failing = List.copyOf(failing);
    }

    /**
     * @param latest    the latest record of each check, as the history or the daemon keeps them
     * @param inventory the packages configured now
     */
    static HostHealth of(Collection<CheckRecord> latest, List<PackageInfo> inventory) {
        Set<CheckId> current = inventory.stream().flatMap(HostHealth::currentIds).collect(Collectors.toSet());
        return new HostHealth(latest.stream()
            .filter(record -> record.outcome() == Outcome.UNRESOLVED && record.maintenance().isEmpty())
            .filter(record -> current.contains(record.check())
                || current.contains(new CheckId(record.check().packageId(), record.check().methodName())))
            .sorted(java.util.Comparator.comparing(CheckRecord::check))
            .toList());
    }

    private static Stream<CheckId> currentIds(PackageInfo info) {
        // A package's own record (it did not load, or its checks could not be found) counts while that is still so.
        Stream<CheckId> own = info.loaded() && info.problems().isEmpty() ? Stream.empty()
            : Stream.of(new CheckId(info.id(), Medic.PACKAGE_CHECK));
        return Stream.concat(own,
            Stream.concat(info.checks().stream(), info.stats().stream()).filter(CheckInfo::enabled).map(CheckInfo::id));
    }

    boolean healthy() {
        return failing.isEmpty();
    }

    /** The failing checks, one per line, for a ping body. */
    String describe(Instant now) {
        if (failing.isEmpty()) {
            return "nothing is unresolved on this host\n";
        }
        StringBuilder text = new StringBuilder("unresolved on this host (" + failing.size() + "):\n");
        failing.stream().limit(LISTED).forEach(record -> text.append("  ").append(record.check()).append(" (")
            .append(record.reason()).append(", ").append(Formats.ago(record.startedAt(), now)).append("): ")
            .append(shorten(record.message())).append('\n'));
        if (failing.size() > LISTED) {
            text.append("  and ").append(failing.size() - LISTED).append(" more; medic status shows them all\n");
        }
        return text.toString();
    }

    private static String shorten(String message) {
        String line = message.replace('\n', ' ');
        return line.length() > MESSAGE ? line.substring(0, MESSAGE - 1) + "…" : line;
    }
}
