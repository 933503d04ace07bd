package dev.medic.cli.command;

import java.io.IOException;
import java.time.Clock;

import dev.medic.cli.internal.Session;
import dev.medic.engine.ExitCodes;
import dev.medic.engine.packages.InstalledPackage;
import dev.medic.engine.packages.PackageException;
import dev.medic.engine.packages.PackageInstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code medic package remove ID}. */
@Command(name = "remove", mixinStandardHelpOptions = true,
    description = "Remove an installed package. Refused while other installed packages depend on it, unless --force.")
public final class PackageRemoveCommand extends BaseCommand {

    @Parameters(paramLabel = "ID", description = "The package id.")
    String id;

    @Option(names = "--force", description = "Remove it even though other packages depend on it (they will not load).")
    boolean force;

    @Override
    int execute(Session session) {
        try {
            InstalledPackage removed = new PackageInstaller(session.config(), Clock.systemUTC()).remove(id, force);
            out().println("removed " + removed.id() + " " + removed.version() + " (" + removed.archive() + ")");
            if (session.config().packages().containsKey(id)) {
                out().println("  " + session.config().source().map(Object::toString).orElse("the configuration")
                    + " still configures packages." + id + "; remove that entry too");
            }
            out().flush();
            return ExitCodes.OK;
        } catch (PackageException e) {
            err().println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err().println("error: " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
    }
}
