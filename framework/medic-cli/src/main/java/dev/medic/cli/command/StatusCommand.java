package dev.medic.cli.command;

import java.time.Instant;
import java.util.List;

import dev.medic.cli.internal.Session;
import dev.medic.cli.output.Formats;
import dev.medic.cli.output.Style;
import dev.medic.cli.output.Views;
import dev.medic.engine.CheckStatus;
import dev.medic.engine.Reason;
import dev.medic.store.sqlite.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medic status}: where each check stands, from the history. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show each check's last outcome, last failure and last repair, from the history on this host.")
public final class StatusCommand extends BaseCommand {

    @Mixin
    SelectionOptions selectionOptions;

    @Option(names = "--output", paramLabel = "FORMAT", description = "text (default) or json.")
    OutputFormat output = OutputFormat.TEXT;

    @Override
    int execute(Session session) {
        try (SqliteStore store = session.openStore()) {
            List<CheckStatus> statuses = store.status(selectionOptions.selection());
            if (output == OutputFormat.JSON) {
                printJson(statuses.stream().map(Views::status).toList());
                return 0;
            }
            if (statuses.isEmpty()) {
                out().println("No checks have run yet on this host (history: " + session.config().storePath() + ").");
            }
            Style style = style();
            Instant now = Instant.now();
            for (CheckStatus status : statuses) {
                var last = status.last();
                out().println(style.outcome(last.outcome()) + " " + last.check()
                    + (last.reason() == Reason.NONE ? "" : " (" + last.reason() + ")")
                    + (last.flapping() ? " " + style.warning("[flapping]") : "")
                    + style.dim("  " + Formats.ago(last.startedAt(), now) + ", run " + last.runId()));
                status.state().ifPresent(state -> out().println("           " + style.dim("state ")
                    + state.state() + style.dim(" since " + Formats.time(state.since()) + "; "
                    + state.consecutiveFailures() + " failures and " + state.consecutivePasses() + " passes in a row; "
                    + state.repairs().size() + " repairs in the window"
                    + state.lastRepair().map(at -> ", last at " + Formats.time(at)).orElse(""))));
                status.lastFailure().filter(failure -> failure != last).ifPresent(failure ->
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
