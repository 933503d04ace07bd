package dev.medic.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.medic.cli.internal.Scaffold;
import dev.medic.engine.ExitCodes;
import dev.medic.engine.Medic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medic package new NAME}: a new package project that builds with {@code mvn package}. */
@Command(name = "new", mixinStandardHelpOptions = true,
    description = {"Create a new package project: a Maven build with one check, its repair, one stats method,",
        "the settings declaration, and tests of the repair. It builds with 'mvn package'."})
public final class PackageNewCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The package id: lower-case letters, digits and dashes (disk-space).")
    String name;

    @Option(names = "--group", paramLabel = "GROUP", description = "The Maven group id (default: ${DEFAULT-VALUE}).")
    String group = "com.example";

    @Option(names = "--directory", paramLabel = "DIR", description = "Where to create the project (default: ./NAME).")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = Scaffold.nameProblem(name);
        if (problem == null) {
            problem = Scaffold.groupProblem(group);
        }
        Path target = directory != null ? directory : Path.of(name);
        if (problem == null && Files.exists(target)) {
            problem = target + " already exists; choose another --directory";
        }
        if (problem != null) {
            err.println("error: " + problem);
            return ExitCodes.USAGE;
        }
        try {
            List<Path> files = Scaffold.write(target, name, group, Medic.version());
            out.println("created package " + name + " in " + target);
            files.forEach(file -> out.println("  " + file));
            out.println();
            out.println("next:");
            out.println("  cd " + target);
            out.println("  ./mvnw package                                   # builds and tests target/" + name + "-0.1.0.jar");
            out.println("  medic package install target/" + name + "-0.1.0.jar");
            out.println("  medic run --package " + name);
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("error: cannot create the project in " + target + ": " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
    }
}
