package dev.medic.packages.network.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server process started by a test on a loopback port, its output in a log file next to
 * its configuration; {@link #close()} stops it and everything it started.
 */
public final class Daemon implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path log;

    private Daemon(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the command and waits until {@code port} accepts connections.
     *
     * @throws AssertionError with the daemon's log when it exits or does not listen in time
     */
    public static Daemon start(String name, Path directory, int port, List<String> command)
            throws IOException, InterruptedException {
        Path log = directory.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        Daemon daemon = new Daemon(name, process, log);
        long end = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < end && process.isAlive()) {
            if (Loopback.accepts(port)) {
                return daemon;
            }
            Thread.sleep(50);
        }
        String why = process.isAlive() ? "did not listen on port " + port + " within " + START_TIMEOUT.toSeconds() + "s"
            : "exited with " + process.exitValue();
        daemon.close();
        throw new AssertionError(name + " " + why + "; command " + command + "; its log:\n" + daemon.log());
    }

    /** Fails the test, naming the Debian package to install, when a program is missing. */
    public static void requireProgram(String program, String debianPackage) {
        assertThat(Path.of(program)).as("%s, from Debian's %s (apt-get install -y %s)", program, debianPackage,
            debianPackage).isExecutable();
    }

    /** Runs a short setup command (such as ssh-keygen) and fails the test with its output when it fails. */
    public static void runToCompletion(List<String> command, Path directory) throws IOException, InterruptedException {
        Path output = Files.createTempFile(directory, "setup-", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
            .redirectOutput(output.toFile()).start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished && process.exitValue() == 0).as("%s succeeded; output: %s", command,
            Files.readString(output, StandardCharsets.UTF_8)).isTrue();
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
