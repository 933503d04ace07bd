package dev.medic.cli.command;

import java.util.List;

import dev.medic.cli.internal.Session;
import dev.medic.config.ConfigProblem;
import dev.medic.engine.ExitCodes;
import dev.medic.engine.Medic;
import picocli.CommandLine.Command;

/** {@code medic validate}: everything that can be checked without running a check. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check the configuration and the packages without running anything.",
        "Reports unknown keys, wrong values, packages that do not load, classes that cannot be loaded, repairs that "
            + "cannot be created, and check names and settings that match nothing. Exit code 0 when all is valid, 2 otherwise."})
public final class ValidateCommand extends BaseCommand {

    @Override
    int execute(Session session) {
        try (Medic medic = Medic.builder(session.config()).build()) {
            List<ConfigProblem> problems = medic.validate();
            if (!problems.isEmpty()) {
                problems.forEach(problem -> err().println("error: " + problem));
                err().println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found.");
                err().flush();
                return ExitCodes.USAGE;
            }
            int packages = medic.installedPackages().size();
            out().println("valid: " + session.config().source().map(Object::toString).orElse("built-in defaults")
                + " and " + packages + (packages == 1 ? " package" : " packages") + " in " + session.config().packagesDir());
            out().flush();
            return ExitCodes.OK;
        }
    }
}
