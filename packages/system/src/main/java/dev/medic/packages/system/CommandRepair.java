package dev.medic.packages.system;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.medic.api.RepairContext;
import dev.medic.api.RepairResult;
import dev.medic.api.Settings;
import dev.medic.packages.system.internal.CommandResult;
import dev.medic.packages.system.internal.CommandRunner;
import dev.medic.packages.system.internal.Durations;

/**
 * {@code repair: {command: [...]}}: runs a configured argument list, with no shell, and succeeds
 * when it exits with 0 in time. {@code repair: {shell: "..."}} is the explicit opt-in for a shell
 * command line, run as {@code /bin/sh -c "..."}: only what the operator wrote there is a shell
 * script.
 */
final class CommandRepair {

    /** The output lines that go into the repair's log; the record keeps 200 lines in all. */
    private static final int LOGGED_LINES = 50;

    RepairResult repair(RepairContext context, Settings repair) throws InterruptedException {
        List<String> command = repair.has("shell") ? List.of("/bin/sh", "-c", repair.get("shell")) : repair.getList("command");
        if (command.isEmpty() || command.get(0).isBlank()) {
            return RepairResult.failed("the repair's command is empty; give 'command' as a list such as [systemctl, reload, nginx]");
        }
        Settings settings = context.settings();
        Duration timeout = repair.find("timeout", Duration.class)
            .orElse(settings.find("command-timeout", Duration.class).orElse(Duration.ofSeconds(60)));
        int outputLimit = settings.find("max-output-bytes", Integer.class).orElse(8192);
        String shown = CommandRunner.display(command);
        context.log().log(System.Logger.Level.INFO, "running " + shown);

        CommandResult result;
        try {
            result = new CommandRunner(Durations.capped(timeout, context.deadline()), outputLimit)
                .in(repair.find("directory", Path.class)).with(environment(repair)).run(command);
        } catch (IOException e) {
            return RepairResult.failed("could not start " + shown + ": " + e.getMessage()).withDetail("command", shown);
        }
        logOutput(context, result.output());
        String message = shown + (result.succeeded() ? " exited with 0" : " failed: " + result.describeEnd())
            + (result.succeeded() || result.output().isBlank() ? "" : ": " + result.lastLine());
        RepairResult reported = result.succeeded() ? RepairResult.succeeded(message) : RepairResult.failed(message);
        return reported.withDetail("command", shown)
            .withDetail("exit-code", result.timedOut() ? "none (timed out)" : String.valueOf(result.exitCode()))
            .withDetail("duration-ms", result.took().toMillis())
            .withDetail("output", result.output());
    }

    private static Map<String, String> environment(Settings repair) {
        Map<String, String> variables = new LinkedHashMap<>();
        Settings section = repair.section("environment");
        section.keys().forEach(key -> variables.put(key, section.get(key)));
        return variables;
    }

    private static void logOutput(RepairContext context, String output) {
        List<String> lines = output.isBlank() ? List.of() : output.strip().lines().toList();
        Optional.of(lines.size() - LOGGED_LINES).filter(cut -> cut > 0).ifPresent(cut ->
            context.log().log(System.Logger.Level.INFO, "output: (" + cut + " earlier lines in the details)"));
        lines.subList(Math.max(0, lines.size() - LOGGED_LINES), lines.size())
            .forEach(line -> context.log().log(System.Logger.Level.INFO, "output: " + line));
    }
}
