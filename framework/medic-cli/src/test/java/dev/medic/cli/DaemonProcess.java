package dev.medic.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** {@code medic daemon} as a real child process of the test, with its output kept in files. */
final class DaemonProcess implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Process process;
    private final Path err;

    private DaemonProcess(Process process, Path err) {
        this.process = process;
        this.err = err;
    }

    static DaemonProcess start(Path config, Path dir, Map<String, String> environment) throws IOException {
        Path err = dir.resolve("daemon.err");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), "dev.medic.cli.Main", "daemon", "--config", config.toString())
            .redirectOutput(dir.resolve("daemon.out").toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        return new DaemonProcess(builder.start(), err);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What the daemon logged so far. */
    String log() {
        try {
            return Files.readString(err);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Sends a signal by name, as a service manager would. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** SIGTERM, then the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the daemon did not stop within " + PATIENCE + " of SIGTERM; log:\n" + log());
        }
        return process.exitValue();
    }

    /** SIGKILL: the process ends without any chance to clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Polls until the condition holds; fails with the daemon's log when it does not in time or the daemon died. */
    void awaitThat(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("the daemon exited (" + process.exitValue() + ") before " + what + "; log:\n" + log());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + PATIENCE + ": " + what + "; log:\n" + log());
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
