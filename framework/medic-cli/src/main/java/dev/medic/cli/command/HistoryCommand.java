package dev.medic.cli.command;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.medic.cli.internal.Session;
import dev.medic.cli.output.Formats;
import dev.medic.cli.output.Style;
import dev.medic.cli.output.Views;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.HistoryQuery;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunRecord;
import dev.medic.store.sqlite.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medic history}: what happened, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Show recorded check outcomes (or repairs, or runs), newest first.")
public final class HistoryCommand extends BaseCommand {

    @Mixin
    SelectionOptions selectionOptions;

    @Option(names = "--since", paramLabel = "WHEN", converter = SinceConverter.class,
        description = "Only records from then on: 30m, 2h, 7d back from now, a date (2026-11-20), or a date and time.")
    Instant since;

    @Option(names = "--limit", paramLabel = "N", description = "At most N records (default: ${DEFAULT-VALUE}).")
    int limit = HistoryQuery.DEFAULT_LIMIT;

    @Option(names = "--repairs", description = "Show repair attempts instead of check outcomes.")
    boolean repairs;

    @Option(names = "--runs", description = "Show runs instead of check outcomes.")
    boolean runs;

    @Option(names = "--output", paramLabel = "FORMAT", description = "text (default) or json.")
    OutputFormat output = OutputFormat.TEXT;

    @Override
    int execute(Session session) {
        if (limit < 1) {
            err().println("error: --limit must be at least 1, was " + limit);
            return dev.medic.engine.ExitCodes.USAGE;
        }
        if (runs && repairs) {
            err().println("error: --repairs and --runs show different records; give one of them");
            return dev.medic.engine.ExitCodes.USAGE;
        }
        HistoryQuery query = new HistoryQuery(selectionOptions.selection(), Optional.ofNullable(since), limit);
        try (SqliteStore store = session.openStore()) {
            if (runs) {
                printRuns(store.runs(query));
            } else if (repairs) {
                printRepairs(store.repairs(query));
            } else {
                printChecks(store.checks(query));
            }
            return 0;
        }
    }

    private void printChecks(List<CheckRecord> records) {
        if (output == OutputFormat.JSON) {
            printJson(records.stream().map(Views::check).toList());
            return;
        }
        Style style = style();
        for (CheckRecord record : records) {
            out().println(style.dim(Formats.time(record.startedAt())) + "  " + style.outcome(record.outcome()) + " "
                + record.check() + (record.reason() == Reason.NONE ? "" : " (" + record.reason() + ")")
                + style.dim("  " + Formats.duration(record.duration()))
                + (record.message().isEmpty() ? "" : "  " + record.message()));
        }
        empty(records);
    }

    private void printRepairs(List<RepairRecord> records) {
        if (output == OutputFormat.JSON) {
            printJson(records.stream().map(Views::repair).toList());
            return;
        }
        Style style = style();
        for (RepairRecord record : records) {
            out().println(style.dim(Formats.time(record.startedAt())) + "  " + style.repair(record.outcome()) + " "
                + record.repair() + " for " + record.check() + style.dim("  " + Formats.duration(record.duration()))
                + (record.message().isEmpty() ? "" : "  " + record.message()));
        }
        empty(records);
    }

    private void printRuns(List<RunRecord> records) {
        if (output == OutputFormat.JSON) {
            printJson(records.stream().map(Views::run).toList());
            return;
        }
        Style style = style();
        for (RunRecord record : records) {
            out().println(style.dim(Formats.time(record.startedAt())) + "  " + record.runId() + "  "
                + record.mode().name().toLowerCase(java.util.Locale.ROOT) + "  " + Formats.counts(record)
                + style.dim("  " + Formats.duration(record.duration())));
        }
        empty(records);
    }

    private void empty(List<?> records) {
        if (records.isEmpty() && output == OutputFormat.TEXT) {
            out().println("No records.");
        }
        out().flush();
    }
}
