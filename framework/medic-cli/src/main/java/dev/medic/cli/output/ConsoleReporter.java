package dev.medic.cli.output;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.medic.api.CheckId;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunProblem;
import dev.medic.engine.RunRecord;
import dev.medic.engine.spi.RunListener;

/**
 * Prints a run as it happens: one line per check with its outcome, duration and message, a line
 * per repair attempt above the check it was for, problems on the error stream, and a summary.
 *
 * <p>For the daemon, which runs the same checks every few seconds for days, it prints only what
 * an operator reading the journal wants: checks that are not healthy, checks that are healthy
 * again, repairs and problems, and no summary of a run in which all was well.
 */
public final class ConsoleReporter implements RunListener {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Style style;
    private final boolean onlyChanges;
    private final Map<CheckId, Outcome> lastOutcome = new ConcurrentHashMap<>();

    public ConsoleReporter(PrintWriter out, PrintWriter err, Style style) {
        this(out, err, style, false);
    }

    private ConsoleReporter(PrintWriter out, PrintWriter err, Style style, boolean onlyChanges) {
        this.out = out;
        this.err = err;
        this.style = style;
        this.onlyChanges = onlyChanges;
    }

    /** The daemon's reporter: plain text, and nothing about checks that stay healthy. */
    public static ConsoleReporter forDaemon(PrintWriter out, PrintWriter err) {
        return new ConsoleReporter(out, err, Style.plain(), true);
    }

    @Override
    public void repairFinished(RepairRecord repair) {
        out.println("           " + style.dim("repair " + repair.repair() + " for " + repair.check().name() + ": ")
            + style.repair(repair.outcome()) + style.dim(" in " + Formats.duration(repair.duration())
            + (repair.message().isEmpty() ? "" : " - " + repair.message())));
        out.flush();
    }

    @Override
    public void checkFinished(CheckRecord check) {
        Outcome before = lastOutcome.put(check.check(), check.outcome());
        if (onlyChanges && check.outcome() == Outcome.HEALTHY && (before == null || before == Outcome.HEALTHY)) {
            return;
        }
        StringBuilder line = new StringBuilder(style.outcome(check.outcome())).append(' ')
            .append(check.check());
        if (check.reason() != Reason.NONE) {
            line.append(" (").append(check.reason()).append(')');
        }
        if (check.flapping()) {
            line.append(' ').append(style.warning("[flapping]"));
        }
        line.append("  ").append(style.dim(Formats.duration(check.duration())));
        if (!check.message().isEmpty()) {
            line.append("  ").append(check.message());
        }
        out.println(line);
        out.flush();
    }

    @Override
    public void problem(RunProblem problem) {
        err.println(style.warning("warning: ") + problem.subject() + ": " + problem.message());
        err.flush();
    }

    @Override
    public void runFinished(RunRecord run) {
        if (onlyChanges && run.repaired() == 0 && run.unresolved() == 0) {
            return; // all was well, as it will be every few seconds
        }
        String summary = Formats.counts(run);
        out.println((run.unresolved() > 0 ? style.outcome(Outcome.UNRESOLVED).strip() + " " : "")
            + style.bold(summary) + style.dim("  (" + run.mode().name().toLowerCase(java.util.Locale.ROOT)
            + " " + run.runId() + " on " + run.host() + ", " + Formats.duration(run.duration()) + ")"));
        out.flush();
    }
}
