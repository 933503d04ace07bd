package dev.medic.cli.command;

import java.util.List;

import dev.medic.cli.internal.Session;
import dev.medic.cli.output.Style;
import dev.medic.cli.output.Views;
import dev.medic.engine.CheckInfo;
import dev.medic.engine.Medic;
import dev.medic.engine.PackageInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medic list}: what is installed. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the installed packages with their checks, paired repairs and stats, without running anything.")
public final class ListCommand extends BaseCommand {

    @Option(names = "--output", paramLabel = "FORMAT", description = "text (default) or json.")
    OutputFormat output = OutputFormat.TEXT;

    @Override
    int execute(Session session) {
        try (Medic medic = Medic.builder(session.config()).build()) {
            List<PackageInfo> packages = medic.inventory();
            if (output == OutputFormat.JSON) {
                printJson(packages.stream().map(Views::packageInfo).toList());
                return 0;
            }
            Style style = style();
            if (packages.isEmpty()) {
                out().println("No packages in " + session.config().packagesDir());
            }
            for (PackageInfo info : packages) {
                if (!info.loaded()) {
                    out().println(style.bold(info.id()) + "  " + style.warning("NOT LOADED") + "  " + String.join("; ", info.problems()));
                    continue;
                }
                out().println(style.bold(info.id()) + " " + info.version()
                    + (info.description().isEmpty() ? "" : "  " + info.description())
                    + style.dim("  (" + info.archive() + ")"));
                info.checks().forEach(check -> out().println("  check  " + describe(check, style)));
                info.stats().forEach(stats -> out().println("  stats  " + stats.id().name()
                    + (stats.enabled() ? "" : style.dim("  (disabled)"))));
                info.problems().forEach(problem -> out().println("  " + style.warning("warning: ") + problem));
            }
            out().flush();
            return 0;
        }
    }

    private static String describe(CheckInfo check, Style style) {
        return check.id().name()
            + (check.repair().isEmpty() ? style.dim("  (no repair)") : "  repair " + check.repair())
            + (check.parameterized() ? style.dim("  (parameterized)") : "")
            + (check.enabled() ? "" : style.dim("  (disabled)"));
    }
}
