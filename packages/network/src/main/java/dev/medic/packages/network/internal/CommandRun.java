package dev.medic.packages.network.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command run as an argument list (never through a shell), in the C locale so that its output
 * reads the same everywhere, with its output and errors captured, and killed at a time limit.
 *
 * @param exitCode the command's exit code
 * @param output   what it wrote to standard output and standard error, interleaved
 */
public record CommandRun(int exitCode, String output) {

    /** Output beyond this is not kept: ping prints a line per reply. */
    private static final int MAX_OUTPUT = 64 * 1024;

    /** Why a command produced no {@link CommandRun}. */
    public static final class NotRun extends Exception {

        private static final long serialVersionUID = 1L;

        NotRun(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs the command and waits for it.
     *
     * @throws NotRun when it cannot be started, or does not finish within the limit (it is killed)
     */
    public static CommandRun execute(List<String> command, Duration limit) throws NotRun, InterruptedException {
        Path output;
        try {
            // A file rather than a pipe: nothing to drain on another thread while waiting.
            output = Files.createTempFile("medic-network-", ".out");
        } catch (IOException e) {
            throw new NotRun("cannot create a file for the output of " + command.get(0) + ": " + e.getMessage(), e);
        }
        Process process = null;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("LC_ALL", "C");
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new NotRun("cannot run " + command.get(0) + ": " + e.getMessage(), e);
            }
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new NotRun(command.get(0) + " did not finish within " + Texts.duration(limit) + " and was killed",
                    null);
            }
            return new CommandRun(process.exitValue(), read(output));
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            try {
                Files.deleteIfExists(output);
            } catch (IOException ignored) {
                // a temporary file left behind; the system cleans its temporary directory
            }
        }
    }

    private static String read(Path output) {
        try {
            byte[] bytes = Files.readAllBytes(output);
            int length = Math.min(bytes.length, MAX_OUTPUT);
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    /** The last few non-blank lines of the output, as one line for a message. */
    public String tail(int lines) {
        List<String> nonBlank = output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<String> last = nonBlank.subList(Math.max(0, nonBlank.size() - lines), nonBlank.size());
        return last.isEmpty() ? "no output" : Texts.printable(String.join(" | ", last));
    }
}
