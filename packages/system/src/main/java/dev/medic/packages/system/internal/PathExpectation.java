package dev.medic.packages.system.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.medic.api.SettingException;
import dev.medic.api.Settings;

/**
 * What a target declares about a path: that it exists, and optionally its type, its permission
 * bits and its owner and group.
 */
public final class PathExpectation {

    /** The types a path can be declared to have. */
    public enum Type { ANY, FILE, DIRECTORY, SYMLINK }

    private final Type type;
    private final Optional<Integer> mode;
    private final Optional<String> owner;
    private final Optional<String> group;

    private PathExpectation(Type type, Optional<Integer> mode, Optional<String> owner, Optional<String> group) {
        this.type = type;
        this.mode = mode;
        this.owner = owner;
        this.group = group;
    }

    /** The target's {@code type}, {@code mode}, {@code owner} and {@code group}. */
    public static PathExpectation from(Settings target) {
        Type type = target.find("type", String.class).map(PathExpectation::type).orElse(Type.ANY);
        Optional<Integer> mode = target.find("mode", String.class).map(PathExpectation::mode);
        return new PathExpectation(type, mode, target.find("owner", String.class), target.find("group", String.class));
    }

    private static Type type(String text) {
        try {
            return Type.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SettingException("setting 'type' has value '" + text + "'; expected file, directory, symlink or any");
        }
    }

    /**
     * Permission bits written in octal. YAML reads an unquoted {@code 0640} as the number 640 (the
     * configuration reader drops the leading zero), so the digits are read as octal either way.
     */
    private static int mode(String text) {
        String digits = text.trim();
        if (!digits.matches("[0-7]{1,4}")) {
            throw new SettingException("setting 'mode' has value '" + text + "'; expected octal permission bits such as \"0640\"");
        }
        return Integer.parseInt(digits, 8);
    }

    /** How the path differs from this expectation; empty when it matches. */
    public List<String> mismatches(Path path) throws IOException {
        LinkOption[] links = type == Type.SYMLINK ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return List.of("does not exist");
        }
        if (!Files.exists(path, links)) {
            return List.of("is a symbolic link to " + Files.readSymbolicLink(path) + ", which does not exist");
        }
        List<String> found = new ArrayList<>();
        Type actual = Files.isSymbolicLink(path) && type == Type.SYMLINK ? Type.SYMLINK
            : Files.isDirectory(path, links) ? Type.DIRECTORY
            : Files.isRegularFile(path, links) ? Type.FILE : Type.ANY;
        if (type != Type.ANY && actual != type) {
            found.add("is " + describe(actual) + ", expected " + describe(type));
        }
        mode.ifPresent(expected -> {
            try {
                int bits = modeOf(path, links);
                if (bits != expected) {
                    found.add("has mode " + octal(bits) + ", expected " + octal(expected));
                }
            } catch (IOException | UnsupportedOperationException e) {
                found.add("has a mode that cannot be read here (" + e.getMessage() + "), expected " + octal(expected));
            }
        });
        if (owner.isPresent() || group.isPresent()) {
            PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class, links);
            owner.filter(expected -> !same(expected, attributes.owner().getName(), "unix:uid", path, links))
                .ifPresent(expected -> found.add("is owned by " + attributes.owner().getName() + ", expected " + expected));
            group.filter(expected -> !same(expected, attributes.group().getName(), "unix:gid", path, links))
                .ifPresent(expected -> found.add("has group " + attributes.group().getName() + ", expected " + expected));
        }
        return found;
    }

    /** A name matches by name, or by number when the configuration gives a uid or gid. */
    private static boolean same(String expected, String actualName, String idAttribute, Path path, LinkOption[] links) {
        if (expected.equals(actualName)) {
            return true;
        }
        if (!expected.matches("\\d+")) {
            return false;
        }
        try {
            return String.valueOf(Files.getAttribute(path, idAttribute, links)).equals(expected);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * All twelve permission bits where the file system tells them (setuid, setgid and sticky too),
     * else the nine that POSIX attributes hold.
     */
    private static int modeOf(Path path, LinkOption[] links) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return ((Integer) Files.getAttribute(path, "unix:mode", links)) & 07777;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, links);
        int bits = 0;
        for (PosixFilePermission permission : permissions) {
            bits |= 0400 >> permission.ordinal();
        }
        return bits;
    }

    private static String octal(int bits) {
        return String.format(Locale.ROOT, "%04o", bits);
    }

    private static String describe(Type type) {
        return switch (type) {
            case FILE -> "a regular file";
            case DIRECTORY -> "a directory";
            case SYMLINK -> "a symbolic link";
            case ANY -> "something other than a file, directory or symbolic link";
        };
    }
}
