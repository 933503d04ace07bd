package dev.medic.cli.heartbeat;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.medic.api.internal.Durations;
import dev.medic.config.ConfigMap;
import dev.medic.config.ConfigNode;
import dev.medic.config.Secret;
import dev.medic.config.Secrets;

/**
 * The {@code heartbeat:} section of medic.yml: a ping URL in the Healthchecks.io style.
 *
 * <p>A ping URL holds the key that lets anyone report the host as healthy, so it is a secret: it
 * is read from an environment variable or a file, never written inline, and never printed.
 *
 * @param url     the ping URL; {@code /start} and {@code /fail} are appended to it
 * @param timeout how long one ping may take, connection included
 * @param every   how often {@code medic daemon} pings
 */
public record HeartbeatSettings(Secret url, Duration timeout, Duration every) {

    /** The section's key. */
    public static final String KEY = "heartbeat";

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_EVERY = Duration.ofMinutes(1);
    private static final List<String> KEYS = List.of("url", "timeout", "every");

    /**
     * Reads the section; problems are reported to the file's collector, and never quote the URL.
     *
     * @param base        the configuration file's directory, for a relative {@code file:}
     * @param environment the process environment
     */
    public static Optional<HeartbeatSettings> read(ConfigMap root, Path base, Map<String, String> environment) {
        if (!root.has(KEY)) {
            return Optional.empty();
        }
        Optional<ConfigNode> node = root.get(KEY);
        if (node.isEmpty()) {
            root.report(KEY, "the section is empty; it needs url: {env: VARIABLE} or url: {file: PATH}");
            return Optional.empty();
        }
        ConfigMap section = node.get().asMap(KEYS);
        if (!section.has("url")) {
            section.node().report("missing key 'url': the ping URL, as url: {env: VARIABLE} or url: {file: PATH}");
        }
        Optional<Secret> url = Secrets.read(section, "url", base, environment).filter(secret -> isPingUrl(section, secret));
        Duration timeout = duration(section, "timeout").orElse(DEFAULT_TIMEOUT);
        Duration every = duration(section, "every").orElse(DEFAULT_EVERY);
        return url.map(value -> new HeartbeatSettings(value, timeout, every));
    }

    /** What logs show instead of the URL: its scheme and host, and where it was read from. */
    public String shown() {
        URI uri = URI.create(url.reveal());
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/"
            + Secret.MASK + " (from " + url.source() + ")";
    }

    private static boolean isPingUrl(ConfigMap section, Secret secret) {
        String allowed = "; expected an http:// or https:// URL such as https://hc-ping.com/<uuid> (the value is not shown)";
        try {
            URI uri = new URI(secret.reveal());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                section.report("url", "the ping URL read from " + secret.source() + " is not an http or https URL" + allowed);
                return false;
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                section.report("url", "the ping URL read from " + secret.source()
                    + " has a query or fragment; Medic appends /start and /fail to the URL's path" + allowed);
                return false;
            }
            return true;
        } catch (URISyntaxException e) {
            section.report("url", "the ping URL read from " + secret.source() + " is not a URL" + allowed);
            return false;
        }
    }

    private static Optional<Duration> duration(ConfigMap map, String key) {
        return map.parsed(key, text -> Durations.parse(text).filter(value -> !value.isZero() && !value.isNegative()),
            Durations.ALLOWED + ", greater than zero");
    }
}
