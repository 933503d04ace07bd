package dev.medic.influxdb.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.medic.api.internal.Durations;
import dev.medic.config.ConfigMap;
import dev.medic.config.ConfigNode;
import dev.medic.config.ConfigPaths;
import dev.medic.config.Secret;
import dev.medic.config.Secrets;
import dev.medic.engine.config.MedicConfig;
import dev.medic.influxdb.InfluxConfig;
import dev.medic.influxdb.InfluxConfig.Api;

/**
 * Reads the {@code influxdb:} section. Like the engine's reader it never throws for a wrong value:
 * it reports the problem at the value's line, naming what is allowed, and goes on, so that one
 * pass shows every problem.
 */
public final class InfluxConfigReader {

    /** The section's name in {@code medic.yml}. */
    public static final String SECTION = "influxdb";
    static final List<String> KEYS = List.of("url", "api", "database", "retention-policy", "username", "password",
        "org", "bucket", "token", "batch-size", "flush-interval", "timeout", "gzip", "tls", "spool");
    private static final List<String> V1_KEYS = List.of("database", "retention-policy", "username", "password");
    private static final List<String> V2_KEYS = List.of("org", "bucket", "token");
    static final int MAX_BATCH_SIZE = 50_000;
    static final long MIN_SPOOL_BYTES = 16 * 1024;

    private InfluxConfigReader() {
    }

    public static Optional<InfluxConfig> read(ConfigMap root, MedicConfig medic, Map<String, String> environment) {
        if (!root.has(SECTION)) {
            return Optional.empty();
        }
        if (root.get(SECTION).isEmpty()) {
            root.report(SECTION, "the section is empty; it needs at least url and api (see docs/configuration.md)");
            return Optional.empty();
        }
        ConfigNode node = root.get(SECTION).get();
        int problemsBefore = node.problems().all().size();
        ConfigMap section = node.asMap(KEYS);
        Path base = medic.source().map(file -> file.toAbsolutePath().getParent()).orElse(Path.of("").toAbsolutePath());

        Optional<URI> url = required(section, "url", "the server's address, such as url: http://127.0.0.1:8086")
            .flatMap(text -> url(section, text));
        Optional<Api> api = section.choice("api", Api.class);
        if (!section.has("api")) {
            section.node().report("missing key 'api'; write api: v1 for InfluxDB 1.x (database), "
                + "or api: v2 for InfluxDB 2.x and 3.x (org, bucket, token)");
        }
        api.ifPresent(value -> onlyFor(section, value == Api.V1 ? V2_KEYS : V1_KEYS, value));
        boolean v1 = api.orElse(null) == Api.V1;
        boolean v2 = api.orElse(null) == Api.V2;
        Optional<String> database = v1 ? required(section, "database", "the database to write to") : Optional.empty();
        Optional<String> org = v2 ? required(section, "org", "the organization") : Optional.empty();
        Optional<String> bucket = v2 ? required(section, "bucket", "the bucket to write to") : Optional.empty();
        Optional<String> username = v1 ? section.string("username") : Optional.empty();
        Optional<Secret> password = v1 ? Secrets.read(section, "password", base, environment) : Optional.empty();
        if (v1 && username.isPresent() != section.has("password")) {
            section.report(username.isPresent() ? "username" : "password",
                "username and password go together; set both, or neither for a server without authentication");
        }
        Optional<Secret> token = v2 ? Secrets.read(section, "token", base, environment) : Optional.empty();

        int batchSize = section.integer("batch-size", 1, MAX_BATCH_SIZE).orElse(InfluxConfig.DEFAULT_BATCH_SIZE);
        Duration flushInterval = duration(section, "flush-interval").orElse(InfluxConfig.DEFAULT_FLUSH_INTERVAL);
        Duration timeout = duration(section, "timeout").orElse(InfluxConfig.DEFAULT_TIMEOUT);
        boolean gzip = section.bool("gzip").orElse(true);
        Optional<Path> caFile = caFile(section.map("tls", List.of("ca-file")), base);
        ConfigMap spool = section.map("spool", List.of("directory", "max-bytes"));
        Path spoolDirectory = spool.string("directory").map(text -> ConfigPaths.resolve(base, text))
            .orElse(medic.stateDir().resolve("spool").resolve("influxdb"));
        long maxBytes = spool.parsed("max-bytes", text -> Sizes.parse(text).filter(bytes -> bytes >= MIN_SPOOL_BYTES),
            Sizes.ALLOWED + ", at least 16KB").orElse(InfluxConfig.DEFAULT_SPOOL_MAX_BYTES);

        if (node.problems().all().size() > problemsBefore || url.isEmpty() || api.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InfluxConfig(url.get(), api.get(), database, v1 ? section.string("retention-policy")
            : Optional.empty(), username, password, org, bucket, token, batchSize, flushInterval, timeout, gzip, caFile,
            spoolDirectory, maxBytes));
    }

    private static Optional<String> required(ConfigMap section, String key, String what) {
        if (section.get(key).isEmpty()) {
            section.node().report("missing key '" + key + "': " + what);
            return Optional.empty();
        }
        Optional<String> text = section.string(key);
        if (text.isPresent() && text.get().isBlank()) {
            section.report(key, "must not be empty: " + what);
            return Optional.empty();
        }
        return text;
    }

    /** An http or https URL; credentials in it are refused, and then it is never echoed. */
    private static Optional<URI> url(ConfigMap section, String text) {
        String shown = text.contains("@") ? "(not shown: it holds an '@')" : "'" + text + "'";
        try {
            URI uri = new URI(text.strip());
            if (uri.getRawUserInfo() != null) {
                section.report("url", "credentials in the URL are not allowed, so that they never show in logs; "
                    + "use username and password: {env: NAME} (api v1) or token: {env: NAME} (api v2)");
            } else if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                section.report("url", "value " + shown + " is not allowed; expected http://HOST:PORT or https://HOST:PORT");
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                section.report("url", "value " + shown + " is not allowed; a query or fragment has no meaning here");
            } else {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            section.report("url", "value " + shown + " is not a URL; expected http://HOST:PORT or https://HOST:PORT");
        }
        return Optional.empty();
    }

    private static void onlyFor(ConfigMap section, List<String> otherKeys, Api api) {
        String takes = api == Api.V1 ? "url, database, retention-policy, username and password"
            : "url, org, bucket and token";
        for (String key : otherKeys) {
            if (section.has(key)) {
                section.report(key, "not used with api: " + ConfigMap.spelling(api) + "; that API takes " + takes);
            }
        }
    }

    private static Optional<Duration> duration(ConfigMap map, String key) {
        return map.parsed(key, text -> Durations.parse(text).filter(value -> !value.isZero() && !value.isNegative()),
            Durations.ALLOWED + ", greater than zero");
    }

    private static Optional<Path> caFile(ConfigMap tls, Path base) {
        return tls.string("ca-file").map(text -> ConfigPaths.resolve(base, text)).filter(file -> {
            try {
                Tls.certificates(file);
                return true;
            } catch (IOException | GeneralSecurityException e) {
                tls.report("ca-file", "cannot read certificates from " + file + " (" + e.getMessage()
                    + "); expected a PEM or DER file of CA certificates");
                return false;
            }
        });
    }
}
