package dev.medic.packages.system.internal;

import java.time.Duration;
import java.util.List;

/**
 * How a command ended.
 *
 * @param command  the argument list that ran
 * @param exitCode its exit code; -1 when it timed out and was killed
 * @param timedOut whether it was killed at its timeout
 * @param output   its standard output and error, merged; only the last bytes when it printed more
 *                 than the limit
 * @param took     how long it ran
 */
public record CommandResult(List<String> command, int exitCode, boolean timedOut, String output, Duration took) {

    /** True when it finished in time with exit code 0. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** One line for a message: {@code exit code 3} or {@code timed out after 30s}. */
    public String describeEnd() {
        long millis = took.toMillis();
        return timedOut ? "timed out after " + (millis < 1000 ? millis + "ms" : millis / 1000 + "s") + " and was killed"
            : "exit code " + exitCode;
    }

    /** The output's last line, or empty; what a one-line message can quote. */
    public String lastLine() {
        String trimmed = output.strip();
        return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
    }
}
