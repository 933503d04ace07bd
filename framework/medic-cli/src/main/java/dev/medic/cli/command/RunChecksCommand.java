package dev.medic.cli.command;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.medic.cli.heartbeat.Heartbeat;
import dev.medic.cli.internal.Session;
import dev.medic.cli.output.ConsoleReporter;
import dev.medic.cli.output.Views;
import dev.medic.config.ConfigProblem;
import dev.medic.engine.CheckStatus;
import dev.medic.engine.Medic;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunReport;
import dev.medic.engine.Selection;
import dev.medic.influxdb.InfluxSink;
import dev.medic.store.sqlite.SqliteStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs checks in a mode and records the outcomes: the common part of {@code run} and {@code check}. */
abstract class RunChecksCommand extends BaseCommand {

    @Mixin
    SelectionOptions selectionOptions;

    @Option(names = "--output", paramLabel = "FORMAT", description = "text (default) or json.")
    OutputFormat output = OutputFormat.TEXT;

    abstract RunMode mode();

    @Override
    int execute(Session session) {
        Selection selection = selectionOptions.selection();
        try (SqliteStore store = session.openStore()) {
            Optional<InfluxSink> sink = session.openSinks();
            Optional<Heartbeat> heartbeat = Heartbeat.open(session.heartbeatSettings(), Clock.systemUTC());
            try {
                Medic.Builder builder = Medic.builder(session.config()).store(store);
                if (output == OutputFormat.TEXT) {
                    builder.listener(new ConsoleReporter(out(), err(), style()));
                }
                sink.ifPresent(builder::listener);
                return run(builder, selection, store, heartbeat);
            } finally {
                // Sends what the run produced, within influxdb.timeout; the rest waits in the spool for the next run.
                sink.ifPresent(InfluxSink::close);
                heartbeat.ifPresent(Heartbeat::close);
            }
        }
    }

    private int run(Medic.Builder builder, Selection selection, SqliteStore store, Optional<Heartbeat> heartbeat) {
        try (Medic medic = builder.build()) {
            List<ConfigProblem> problems = medic.configProblems();
            if (!problems.isEmpty()) {
                return usageError(problems);
            }
            List<ConfigProblem> selectionProblems = selectionProblems(medic, selection);
            if (!selectionProblems.isEmpty()) {
                return usageError(selectionProblems);
            }
            heartbeat.ifPresent(Heartbeat::runStarting);
            RunReport report = medic.run(mode(), selection);
            heartbeat.ifPresent(beat -> beat.runFinished(report.run(),
                store.status(Selection.all()).stream().map(CheckStatus::last).toList(), medic.inventory()));
            if (selection.check().isPresent() && report.checks().isEmpty()) {
                return usageError(List.of(noCheckMatches(selection)));
            }
            if (output == OutputFormat.JSON) {
                printJson(Views.report(report));
            }
            return report.exitCode();
        }
    }

    /**
     * A --package that names no installed package, or a --check that no check can match, is a
     * typo to report before anything runs, so that it leaves no empty run in the history. A
     * pattern naming an invocation that does not exist is only found by running (the run's
     * fallback above); so is anything in a package that cannot be loaded or discovered, whose
     * failure the run reports.
     */
    private static List<ConfigProblem> selectionProblems(Medic medic, Selection selection) {
        List<String> installed = medic.installedPackages();
        if (selection.packageId().isPresent() && installed.stream().noneMatch(selection::includesPackage)) {
            return List.of(new ConfigProblem("--package", 0, 0, "", "no installed package has the id '"
                + selection.packageId().get() + "'; installed: " + (installed.isEmpty() ? "none" : String.join(", ", installed))));
        }
        if (selection.check().isPresent() && !anyCheckMayMatch(medic, selection)) {
            return List.of(noCheckMatches(selection));
        }
        return List.of();
    }

    private static boolean anyCheckMayMatch(Medic medic, Selection selection) {
        return medic.inventory().stream()
            .filter(info -> selection.includesPackage(info.id()))
            .anyMatch(info -> !info.loaded() || !info.problems().isEmpty()
                || info.checks().stream().anyMatch(check -> selection.mayInclude(check.id())));
    }

    private static ConfigProblem noCheckMatches(Selection selection) {
        return new ConfigProblem("--check", 0, 0, "", "no check matches '" + selection.check().get()
            + "'; 'medic list' shows the checks");
    }
}
