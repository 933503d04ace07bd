package dev.medic.cli.command;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.medic.cli.daemon.DaemonFiles;
import dev.medic.cli.internal.Session;
import dev.medic.cli.output.Formats;
import dev.medic.cli.output.Style;
import dev.medic.cli.output.Views;
import dev.medic.api.CheckId;
import dev.medic.engine.CheckStatus;
import dev.medic.engine.Reason;
import dev.medic.engine.Selection;
import dev.medic.store.sqlite.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medic status}: where each check stands, from the history. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show whether a daemon runs, and each check's last outcome, policy state, next due time, last failure and last repair.")
public final class StatusCommand extends BaseCommand {

    @Mixin
    SelectionOptions selectionOptions;

    @Option(names = "--output", paramLabel = "FORMAT", description = "text (default) or json.")
    OutputFormat output = OutputFormat.TEXT;

    /** A check's next due time; a parameterized check is due when its method is. */
    private static Instant nextDue(DaemonFiles.Status daemon, CheckId check) {
        Instant due = daemon.nextDue().get(check);
        return due != null ? due : daemon.nextDue().get(new CheckId(check.packageId(), check.methodName()));
    }

    private static Map<String, Object> daemonView(DaemonFiles.Status daemon) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("pid", daemon.pid());
        view.put("since", daemon.since());
        view.put("config", daemon.config());
        return view;
    }

    /** Checks the daemon has scheduled that have no record yet. */
    private static Map<CheckId, Instant> notYetRun(DaemonFiles.Status daemon, List<CheckStatus> statuses, Selection selection) {
        java.util.Set<CheckId> recorded = new java.util.HashSet<>();
        statuses.forEach(status -> {
            recorded.add(status.last().check());
            recorded.add(new CheckId(status.last().check().packageId(), status.last().check().methodName()));
        });
        Map<CheckId, Instant> pending = new java.util.TreeMap<>();
        daemon.nextDue().forEach((check, due) -> {
            if (!recorded.contains(check) && selection.includes(check)) {
                pending.put(check, due);
            }
        });
        return pending;
    }

    @Override
    int execute(Session session) {
        Optional<DaemonFiles.Status> daemon = new DaemonFiles(session.config().stateDir()).running();
        try (SqliteStore store = session.openStore()) {
            Selection selection = selectionOptions.selection();
            List<CheckStatus> statuses = store.status(selection);
            Map<CheckId, Instant> pending = daemon.map(running -> notYetRun(running, statuses, selection)).orElse(Map.of());
            if (output == OutputFormat.JSON) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("daemon", daemon.map(StatusCommand::daemonView).orElse(null));
                view.put("pending", pending.entrySet().stream().map(entry -> {
                    Map<String, Object> check = new LinkedHashMap<>();
                    check.put("package", entry.getKey().packageId());
                    check.put("check", entry.getKey().name());
                    check.put("nextDue", entry.getValue());
                    return check;
                }).toList());
                view.put("checks", statuses.stream().map(status -> {
                    Map<String, Object> check = Views.status(status);
                    check.put("nextDue", daemon.map(running -> nextDue(running, status.last().check())).orElse(null));
                    return check;
                }).toList());
                printJson(view);
                return 0;
            }
            out().println(daemon.map(running -> "daemon: running since " + Formats.time(running.since()) + " (pid "
                + running.pid() + ", " + running.config() + ")").orElse("daemon: not running on this state directory"));
            if (statuses.isEmpty()) {
                out().println("No checks have run yet on this host (history: " + session.config().storePath() + ").");
            }
            Style style = style();
            pending.forEach((check, due) -> out().println(style.dim("PENDING    ") + check
                + style.dim("  not run yet, next due " + Formats.time(due))));
            Instant now = Instant.now();
            for (CheckStatus status : statuses) {
                var last = status.last();
                out().println(style.outcome(last.outcome()) + " " + last.check()
                    + (last.reason() == Reason.NONE ? "" : " (" + last.reason() + ")")
                    + (last.flapping() ? " " + style.warning("[flapping]") : "")
                    + style.dim("  " + Formats.ago(last.startedAt(), now) + ", run " + last.runId()
                        + daemon.map(running -> nextDue(running, last.check())).map(due -> ", next due " + Formats.time(due))
                            .orElse("")));
                status.state().ifPresent(state -> out().println("           " + style.dim("state ")
                    + state.state() + style.dim(" since " + Formats.time(state.since()) + "; "
                    + state.consecutiveFailures() + " failures and " + state.consecutivePasses() + " passes in a row; "
                    + Formats.count(state.repairs().size(), "repair") + " in the window"
                    + state.lastRepair().map(at -> ", last at " + Formats.time(at)).orElse(""))));
                // The last record may be the last failure itself: its message follows below, once.
                status.lastFailure().filter(failure -> !failure.runId().equals(last.runId())).ifPresent(failure ->
                    out().println("           " + style.dim("last failure " + Formats.time(failure.startedAt()) + ": ")
                        + failure.message()));
                if (last.outcome() != dev.medic.engine.Outcome.HEALTHY && !last.message().isEmpty()) {
                    out().println("           " + last.message());
                }
                status.lastRepair().ifPresent(repair -> out().println("           " + style.dim("last repair "
                    + Formats.time(repair.startedAt()) + ": " + repair.repair() + " ") + style.repair(repair.outcome())
                    + (repair.message().isEmpty() ? "" : style.dim(" - " + repair.message()))));
            }
            out().flush();
            return 0;
        }
    }
}
