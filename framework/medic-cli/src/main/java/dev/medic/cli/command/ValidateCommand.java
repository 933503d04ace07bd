package dev.medic.cli.command;

import java.util.List;

import dev.medic.cli.internal.Session;
import dev.medic.config.ConfigProblem;
import dev.medic.engine.ExitCodes;
import dev.medic.engine.Medic;
import dev.medic.influxdb.InfluxConfig;
import dev.medic.influxdb.InfluxProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medic validate}: everything that can be checked without running a check. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check the configuration and the packages without running anything.",
        "Reports unknown keys, wrong values, packages that do not load, classes that cannot be loaded, repairs that "
            + "cannot be created, and check names and settings that match nothing. With --connect, also connects to "
            + "InfluxDB and says whether it can be written to. Exit code 0 when all is valid, 2 otherwise."})
public final class ValidateCommand extends BaseCommand {

    @Option(names = "--connect", description = "Also connect to the InfluxDB of the influxdb: section and tell apart "
        + "a wrong URL, a TLS failure, refused credentials and a missing database or bucket. Writes no point.")
    boolean connect;

    @Override
    int execute(Session session) {
        int code = validate(session);
        if (connect) {
            code = Math.max(code, connect(session));
        }
        return code;
    }

    private int validate(Session session) {
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

    private int connect(Session session) {
        if (session.influxConfig().isEmpty()) {
            out().println("influxdb: not configured (no influxdb: section); nothing to connect to");
            out().flush();
            return ExitCodes.OK;
        }
        InfluxConfig config = session.influxConfig().get();
        InfluxProbe.Result result = InfluxProbe.probe(config);
        if (result.ok()) {
            out().println("influxdb: OK: " + result.message());
            out().flush();
            return ExitCodes.OK;
        }
        err().println("error: influxdb: " + describe(result.status()) + ": " + result.message());
        err().flush();
        return ExitCodes.USAGE;
    }

    private static String describe(InfluxProbe.Status status) {
        return switch (status) {
            case UNREACHABLE -> "wrong URL or nothing listening";
            case TLS_FAILED -> "TLS failure";
            case NOT_INFLUXDB -> "not InfluxDB";
            case AUTHENTICATION_FAILED -> "authentication failed";
            case NOT_FOUND -> "missing database or bucket";
            case SERVER_ERROR -> "server error";
            case OK -> "OK";
        };
    }
}
