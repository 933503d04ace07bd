package dev.medic.engine.config;

import java.nio.file.Path;

/** The user's home directory as Unix tools see it: {@code $HOME}, else Java's {@code user.home}. */
public final class UserHome {

    private UserHome() {
    }

    /** The home directory. */
    public static Path directory() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }
}
