package dev.medic.packages.system.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import dev.medic.api.SettingException;

/**
 * A directory configured for deleting old files, checked before anything in it is touched: an
 * absolute path without {@code .} or {@code ..}, an existing directory, and reached without any
 * symbolic link, so that what is deleted is inside exactly the directory the operator named.
 */
public final class SweepDirectory {

    private SweepDirectory() {
    }

    /** The configured directory, once it passed every rule; else a {@link SettingException} naming the rule. */
    public static Path checked(String configured) throws IOException {
        Path path = Path.of(configured);
        if (!path.isAbsolute()) {
            throw refused(configured, "is not an absolute path");
        }
        for (Path part : path) {
            if (part.toString().equals("..") || part.toString().equals(".")) {
                throw refused(configured, "contains '" + part + "'; write the directory without . or ..");
            }
        }
        if (path.getParent() == null) {
            throw refused(configured, "is the root directory");
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(configured, Files.isSymbolicLink(path) ? "is a symbolic link" : "is not an existing directory");
        }
        Path real = path.toRealPath();
        if (!real.equals(path)) {
            throw refused(configured, "is reached through a symbolic link (it is really " + real + "); configure " + real);
        }
        return path;
    }

    private static SettingException refused(String configured, String why) {
        return new SettingException("refusing to delete in '" + configured + "': it " + why);
    }
}
