package dev.medic.cli.command;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.medic.cli.internal.Session;
import dev.medic.cli.output.Formats;
import dev.medic.cli.output.Style;
import dev.medic.engine.ExitCodes;
import dev.medic.engine.packages.InstalledPackage;
import dev.medic.engine.packages.PackageInstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medic package list}: what is installed, where from, and whether it changed since. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the installed packages: version, archive, checksum, and where each was installed from.")
public final class PackageListCommand extends BaseCommand {

    @Option(names = "--output", paramLabel = "FORMAT", description = "text (default) or json.")
    OutputFormat output = OutputFormat.TEXT;

    @Override
    int execute(Session session) {
        try {
            List<InstalledPackage> installed = new PackageInstaller(session.config(), Clock.systemUTC()).installed();
            if (output == OutputFormat.JSON) {
                printJson(installed.stream().map(PackageListCommand::view).toList());
                return ExitCodes.OK;
            }
            Style style = style();
            if (installed.isEmpty()) {
                out().println("No packages in " + session.config().packagesDir());
            }
            for (InstalledPackage pkg : installed) {
                out().println(style.bold(pkg.id()) + " " + pkg.version() + "  " + pkg.archive().getFileName()
                    + style.dim("  sha256 " + pkg.sha256().substring(0, 12) + "  " + pkg.installed()
                        .map(record -> "from " + record.source() + ", " + Formats.time(record.installedAt()))
                        .orElse("copied in by hand"))
                    + (pkg.modifiedSinceInstall() ? "  " + style.warning("CHANGED SINCE INSTALL") : ""));
            }
            out().flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            err().println("error: cannot read " + session.config().packagesDir() + ": " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
    }

    static Map<String, Object> view(InstalledPackage pkg) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", pkg.id());
        view.put("version", pkg.version());
        view.put("description", pkg.description());
        view.put("requires", pkg.requires());
        view.put("dependencies", pkg.dependencies());
        view.put("archive", pkg.archive().toString());
        view.put("sha256", pkg.sha256());
        view.put("source", pkg.installed().map(record -> record.source()).orElse(null));
        view.put("installedAt", pkg.installed().map(record -> record.installedAt()).orElse(null));
        view.put("modifiedSinceInstall", pkg.modifiedSinceInstall());
        return view;
    }
}
