package dev.medic.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import dev.medic.cli.internal.PackageDownload;
import dev.medic.cli.internal.Session;
import dev.medic.engine.ExitCodes;
import dev.medic.engine.internal.loading.SafeUnzip;
import dev.medic.engine.packages.InstallResult;
import dev.medic.engine.packages.InstalledPackage;
import dev.medic.engine.packages.PackageException;
import dev.medic.engine.packages.PackageInstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code medic package install FILE|URL}: checked, then installed in one step, or not at all. */
@Command(name = "install", mixinStandardHelpOptions = true,
    description = {"Install a package from a jar or zip file, or from an http(s) URL.",
        "The archive is checked first (checksum, no path traversal, a valid package that loads next to the installed",
        "ones); a refused or interrupted install leaves the packages directory as it was. Exit code 2 when refused."})
public final class PackageInstallCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE|URL", description = "The package archive, or its http(s) URL.")
    String source;

    @Option(names = "--sha256", paramLabel = "HEX",
        description = "The SHA-256 the archive must have. Required for a URL; for a file, checked when given.")
    String sha256;

    @Option(names = "--upgrade", description = "Replace an installed package with the same id (it keeps running until the new one loads).")
    boolean upgrade;

    @Override
    int execute(Session session) {
        Path temporary = null;
        try {
            Path file;
            String shownSource;
            if (PackageDownload.isUrl(source)) {
                if (sha256 == null) {
                    err().println("error: a downloaded package must be verified: add --sha256 HEX (the checksum its publisher gives)");
                    return ExitCodes.USAGE;
                }
                temporary = Files.createTempDirectory("medic-download-");
                file = PackageDownload.download(source, temporary);
                shownSource = PackageDownload.shown(source);
            } else {
                file = Path.of(source);
                if (!Files.isRegularFile(file)) {
                    err().println("error: " + source + ": no such file");
                    return ExitCodes.USAGE;
                }
                shownSource = file.toAbsolutePath().normalize().toString();
            }
            InstallResult result = new PackageInstaller(session.config(), Clock.systemUTC())
                .install(file, shownSource, Optional.ofNullable(sha256), upgrade);
            InstalledPackage installed = result.installed();
            out().println(result.replaced().map(old -> "upgraded " + installed.id() + " from " + old + " to ")
                    .orElse("installed " + installed.id() + " ")
                + installed.version() + " into " + installed.archive());
            out().println("  sha256 " + installed.sha256() + (sha256 != null ? " (as expected)" : ""));
            out().println("  run 'medic validate' to check your configuration against its settings, 'medic list' to see its checks");
            out().flush();
            return ExitCodes.OK;
        } catch (PackageException e) {
            err().println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err().println("error: " + e.getMessage());
            return ExitCodes.INTERNAL;
        } finally {
            if (temporary != null) {
                try {
                    SafeUnzip.deleteTree(temporary);
                } catch (IOException ignored) {
                    // a temporary directory; the system cleans it eventually
                }
            }
        }
    }
}
