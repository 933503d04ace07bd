package dev.medic.cli.command;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import dev.medic.cli.internal.Session;
import dev.medic.cli.output.Formats;
import dev.medic.cli.output.Style;
import dev.medic.cli.output.Views;
import dev.medic.engine.ExitCodes;
import dev.medic.engine.Medic;
import dev.medic.engine.PackageInfo;
import dev.medic.engine.SettingInfo;
import dev.medic.engine.packages.InstalledPackage;
import dev.medic.engine.packages.PackageInstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code medic package info ID}: everything about one package. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show one package: version, origin, checksum, the Medic versions it needs, its dependencies, settings, checks and stats.")
public final class PackageInfoCommand extends BaseCommand {

    @Parameters(paramLabel = "ID", description = "The package id.")
    String id;

    @Option(names = "--output", paramLabel = "FORMAT", description = "text (default) or json.")
    OutputFormat output = OutputFormat.TEXT;

    @Override
    int execute(Session session) {
        try {
            Optional<InstalledPackage> found = new PackageInstaller(session.config(), Clock.systemUTC()).find(id);
            if (found.isEmpty()) {
                err().println("error: no installed package has the id '" + id + "'; 'medic package list' shows them");
                return ExitCodes.USAGE;
            }
            InstalledPackage pkg = found.get();
            Optional<PackageInfo> info;
            try (Medic medic = Medic.builder(session.config()).build()) {
                info = medic.inventory().stream().filter(candidate -> candidate.id().equals(id)).findFirst();
            }
            if (output == OutputFormat.JSON) {
                Map<String, Object> view = PackageListCommand.view(pkg);
                info.ifPresent(details -> view.put("inventory", Views.packageInfo(details)));
                printJson(view);
                return ExitCodes.OK;
            }
            print(pkg, info, style());
            return ExitCodes.OK;
        } catch (IOException e) {
            err().println("error: cannot read " + session.config().packagesDir() + ": " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
    }

    private void print(InstalledPackage pkg, Optional<PackageInfo> info, Style style) {
        out().println(style.bold(pkg.id()) + " " + pkg.version() + (pkg.description().isEmpty() ? "" : "  " + pkg.description()));
        out().println("  archive       " + pkg.archive());
        out().println("  sha256        " + pkg.sha256() + (pkg.modifiedSinceInstall()
            ? "  " + style.warning("CHANGED SINCE INSTALL (was " + pkg.installed().get().sha256() + ")") : ""));
        out().println("  installed     " + pkg.installed().map(record -> "from " + record.source() + " on "
            + Formats.time(record.installedAt())).orElse("copied in by hand"));
        out().println("  requires      Medic " + (pkg.requires().isEmpty() ? "(any version)" : pkg.requires()));
        out().println("  depends on    " + (pkg.dependencies().isEmpty() ? "nothing" : String.join(", ", pkg.dependencies())));
        if (info.isEmpty()) {
            out().flush();
            return;
        }
        PackageInfo details = info.get();
        if (!details.settings().isEmpty()) {
            out().println("  settings");
            for (SettingInfo setting : details.settings()) {
                out().println("    " + setting.name() + " (" + setting.type()
                    + setting.defaultValue().map(value -> ", default " + value).orElse(setting.required() ? ", required" : "")
                    + ")" + (setting.description().isEmpty() ? "" : style.dim("  " + setting.description())));
            }
        }
        details.checks().forEach(check -> out().println("  check         " + check.id().name()
            + (check.repair().isEmpty() ? style.dim("  (no repair)") : "  repair " + check.repair())));
        details.stats().forEach(stats -> out().println("  stats         " + stats.id().name()));
        details.problems().forEach(problem -> out().println("  " + style.warning("problem: ") + problem));
        out().flush();
    }
}
