package dev.medic.packages.system.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import dev.medic.api.SettingException;
import dev.medic.api.Settings;

/**
 * Asks systemd about a unit through {@code systemctl}, as an argument list with a timeout.
 *
 * <p>The executable is the {@code systemctl} setting, so that a system with it elsewhere, or a test
 * with a stand-in, can name it.
 */
public final class Systemctl {

    private static final int OUTPUT_LIMIT = 4096;

    private final String executable;
    private final Duration timeout;

    private Systemctl(String executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /** The {@code systemctl} and {@code systemctl-timeout} of these settings. */
    public static Systemctl from(Settings settings) {
        return new Systemctl(settings.find("systemctl", String.class).orElse("systemctl"),
            settings.find("systemctl-timeout", Duration.class).orElse(Duration.ofSeconds(10)));
    }

    /** {@code systemctl is-active UNIT}: exit code 0 and {@code active} when the unit is active. */
    public CommandResult isActive(String unit) throws IOException, InterruptedException {
        return run(List.of(executable, "is-active", checkedUnit(unit)), timeout);
    }

    /** {@code systemctl restart UNIT}, which returns once the unit's start job finished. */
    public CommandResult restart(String unit, Duration patience) throws IOException, InterruptedException {
        return run(List.of(executable, "restart", checkedUnit(unit)), patience);
    }

    /** The state {@code is-active} printed: {@code active}, {@code failed}, {@code activating}... */
    public static String state(CommandResult isActive) {
        return isActive.timedOut() ? "unknown (systemctl timed out)" : isActive.lastLine().strip();
    }

    private static CommandResult run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        return new CommandRunner(timeout, OUTPUT_LIMIT).run(command);
    }

    /**
     * A unit name that systemctl cannot take for an option or for several arguments: a configured
     * name such as {@code --now} must not change what the command does.
     */
    public static String checkedUnit(String unit) {
        if (unit.isBlank() || unit.startsWith("-") || unit.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new SettingException("unit '" + unit + "' is not a unit name; expected a name such as nginx.service");
        }
        return unit;
    }
}
