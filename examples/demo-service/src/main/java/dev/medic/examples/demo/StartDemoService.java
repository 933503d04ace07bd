package dev.medic.examples.demo;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.medic.api.Repair;
import dev.medic.api.RepairContext;
import dev.medic.api.RepairResult;

/**
 * Starts the demo service as its own process, with its pid file and log in the package's state
 * directory, and returns once it answers (or reports failure if it does not).
 */
public final class StartDemoService implements Repair {

    @Override
    public RepairResult repair(RepairContext context) throws IOException, InterruptedException, URISyntaxException {
        int port = context.settings().getInt("port");
        Duration patience = context.settings().getDuration("start-timeout");
        Path directory = context.stateDirectory();
        Path pidFile = directory.resolve("demo-service.pid");
        Path log = directory.resolve("demo-service.log");
        Path jar = Path.of(DemoService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        // An argument list, never a shell: nothing in the settings can inject a command.
        List<String> command = List.of(java.toString(), "-cp", jar.toString(), DemoService.class.getName(),
            Integer.toString(port), pidFile.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        context.log().log(System.Logger.Level.INFO, "started pid " + process.pid() + ": " + String.join(" ", command));

        Instant giveUp = Instant.now().plus(patience);
        if (giveUp.isAfter(context.deadline())) {
            giveUp = context.deadline();
        }
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                return RepairResult.failed("the service exited with code " + process.exitValue() + "; see " + log)
                    .withDetail("log", log);
            }
            try {
                if (Http.health(port) == 200) {
                    return RepairResult.succeeded("started pid " + process.pid() + " on 127.0.0.1:" + port)
                        .withDetail("pid", process.pid()).withDetail("log", log);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroy();
        return RepairResult.failed("started pid " + process.pid() + " but it did not answer within "
            + patience.toSeconds() + "s; see " + log);
    }
}
