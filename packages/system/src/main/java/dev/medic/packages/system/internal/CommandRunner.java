package dev.medic.packages.system.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as an argument list, never through a shell, with a timeout, and keeps the tail of
 * its merged output.
 */
public final class CommandRunner {

    /**
     * How long to wait for the rest of the output once the command exited. A command that starts a
     * daemon in the background leaves the pipe open in that daemon; its output is not waited for.
     */
    private static final long OUTPUT_GRACE_MILLIS = 1000;

    private final Duration timeout;
    private final int outputLimit;
    private Optional<Path> directory = Optional.empty();
    private Map<String, String> environment = Map.of();

    /**
     * @param timeout     how long the command may run before it and its children are killed
     * @param outputLimit how many bytes of the output's end are kept
     */
    public CommandRunner(Duration timeout, int outputLimit) {
        this.timeout = timeout;
        this.outputLimit = outputLimit;
    }

    /** Runs the command in this directory instead of the runner's. */
    public CommandRunner in(Optional<Path> workingDirectory) {
        this.directory = workingDirectory;
        return this;
    }

    /** Adds these variables to the environment the command inherits. */
    public CommandRunner with(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    /**
     * Runs the command and waits for it, up to the timeout.
     *
     * @throws IOException          when it cannot be started (no such executable, not executable)
     * @throws InterruptedException when the waiting thread is interrupted; the command is killed first
     */
    public CommandResult run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        directory.ifPresent(dir -> builder.directory(dir.toFile()));
        builder.environment().putAll(environment);
        Instant start = Instant.now();
        Process process = builder.start();
        process.getOutputStream().close();
        BoundedTail tail = new BoundedTail(outputLimit);
        Thread reader = new Thread(() -> copy(process.getInputStream(), tail), "medic-system-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        if (!finished) {
            kill(process);
        }
        reader.join(OUTPUT_GRACE_MILLIS);
        Duration took = Duration.between(start, Instant.now());
        return new CommandResult(List.copyOf(command), finished ? process.exitValue() : -1, !finished, tail.text(), took);
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    private static void copy(InputStream output, BoundedTail tail) {
        byte[] chunk = new byte[8192];
        try (output) {
            for (int read = output.read(chunk); read >= 0; read = output.read(chunk)) {
                tail.write(chunk, 0, read);
            }
        } catch (IOException closed) {
            // the process ended and took its pipe with it; what was read is kept
        }
    }

    /** A command as a person would type it, for logs and messages. */
    public static String display(List<String> command) {
        StringBuilder text = new StringBuilder();
        for (String argument : command) {
            if (text.length() > 0) {
                text.append(' ');
            }
            boolean plain = !argument.isEmpty() && argument.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0);
            text.append(plain ? argument : "'" + argument.replace("'", "'\\''") + "'");
        }
        return text.toString();
    }
}
