package dev.medic.config;

import java.nio.file.Path;

/** How paths written in a configuration file are read: {@code ~} is the home directory, and relative paths start at the file's directory. */
public final class ConfigPaths {

    private ConfigPaths() {
    }

    /** The home directory as Unix tools see it: {@code $HOME}, else Java's {@code user.home}. */
    public static Path home() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    /**
     * A path from the configuration.
     *
     * @param base the directory of the configuration file (the working directory without one)
     * @param text the path as written
     */
    public static Path resolve(Path base, String text) {
        String value = text.strip();
        if (value.equals("~") || value.startsWith("~/")) {
            value = home() + value.substring(1);
        }
        return base.resolve(value).normalize();
    }
}
