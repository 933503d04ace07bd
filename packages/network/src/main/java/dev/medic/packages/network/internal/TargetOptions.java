package dev.medic.packages.network.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.medic.api.SettingException;
import dev.medic.api.Target;

/**
 * The values of one target, read with the defaults and limits of its kind.
 *
 * <p>The engine checks the package's own settings against {@code medic-package.yml}, but not the
 * keys inside a target entry. So each kind names the keys it takes, and a target with any other
 * key fails: a misspelt {@code expect} must not silently check nothing.
 */
public final class TargetOptions {

    /** The package's settings, as {@code medic-package.yml} declares them; a target sees them all. */
    public static final Set<String> PACKAGE_SETTINGS = Set.of("timeout", "min-days-left", "ping-command",
        "tcp", "smtp", "pop3", "imap", "ftp", "ssh", "telnet", "dns", "ping", "tls");

    private static final List<String> EVERY_TARGET = List.of("name", "enabled", "host", "timeout");

    private final Target target;
    private final String kind;

    private TargetOptions(Target target, String kind) {
        this.target = target;
        this.kind = kind;
    }

    /**
     * The options of a target of one kind ({@code smtp}, {@code dns}, ...).
     *
     * @param ownKeys the keys this kind takes besides {@code name}, {@code enabled}, {@code host}
     *                and {@code timeout}
     * @throws SettingException when the target has a key its kind does not take
     */
    public static TargetOptions read(Target target, String kind, Collection<String> ownKeys) {
        Set<String> allowed = new LinkedHashSet<>(EVERY_TARGET);
        allowed.addAll(ownKeys);
        List<String> unknown = new ArrayList<>();
        for (String key : target.keys()) {
            if (!allowed.contains(key) && !PACKAGE_SETTINGS.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new SettingException(kind + " target '" + target.name() + "' has unknown "
                + (unknown.size() == 1 ? "key " : "keys ") + String.join(", ", new TreeSet<>(unknown))
                + "; " + kind + " targets take: " + String.join(", ", allowed));
        }
        return new TargetOptions(target, kind);
    }

    /** The target's name, as its check's name shows it. */
    public String name() {
        return target.name();
    }

    public String kind() {
        return kind;
    }

    /** The host to check: a name or an address; required. */
    public String host() {
        String host = target.find("host", String.class).map(String::strip).filter(text -> !text.isEmpty())
            .orElseThrow(() -> new SettingException(kind + " target '" + name() + "' needs a 'host'"));
        if (host.startsWith("-")) {
            // Hosts end up as arguments of the ping command, where "-f" would be an option.
            throw new SettingException(kind + " target '" + name() + "': host '" + host + "' cannot start with '-'");
        }
        return host;
    }

    /** The TCP port, or the kind's usual one when the target sets none. */
    public int port(int usualPort) {
        int port = target.find("port", Integer.class).orElse(usualPort);
        if (port < 1 || port > 65535) {
            throw new SettingException(kind + " target '" + name() + "': port " + port + " is not between 1 and 65535");
        }
        return port;
    }

    /** How long each step (resolving, connecting, the exchange after it) may take. */
    public Duration timeout() {
        Duration timeout = target.getDuration("timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new SettingException(kind + " target '" + name() + "': timeout must be positive, not " + timeout);
        }
        return timeout;
    }

    public Optional<String> text(String key) {
        return target.find(key, String.class).filter(text -> !text.isEmpty());
    }

    public boolean flag(String key, boolean fallback) {
        return target.find(key, Boolean.class).orElse(fallback);
    }

    public int integer(String key, int fallback) {
        return target.find(key, Integer.class).orElse(fallback);
    }

    public List<String> list(String key) {
        return target.has(key) ? target.getList(key) : List.of();
    }

    /** A setting error that names this target. */
    public SettingException problem(String message) {
        return new SettingException(kind + " target '" + name() + "': " + message);
    }
}
