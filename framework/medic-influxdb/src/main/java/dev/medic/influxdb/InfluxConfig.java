package dev.medic.influxdb;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.medic.config.ConfigMap;
import dev.medic.engine.config.MedicConfig;
import dev.medic.influxdb.internal.InfluxConfigReader;
import dev.medic.config.Secret;

/**
 * The {@code influxdb:} section of {@code medic.yml}: where metrics go and how they are buffered.
 * Immutable, validated when read. Secrets are {@link Secret}s, so printing a configuration never
 * shows them.
 *
 * @param url             the server, {@code http://} or {@code https://}, without credentials
 * @param api             which write API the server speaks
 * @param database        {@link Api#V1}: the database
 * @param retentionPolicy {@link Api#V1}: the retention policy; the database's default when empty
 * @param username        {@link Api#V1}: the user; no authentication when empty
 * @param password        {@link Api#V1}: the user's password
 * @param org             {@link Api#V2}: the organization
 * @param bucket          {@link Api#V2}: the bucket
 * @param token           {@link Api#V2}: the API token; no authentication when empty
 * @param batchSize       the most points in one request, and in one spool segment
 * @param flushInterval   the longest a point waits in the spool before a send is tried
 * @param timeout         the bound on one request, and on the last flush when the sink closes
 * @param gzip            whether request bodies are compressed
 * @param caFile          certificates to trust for https instead of the system's; empty for the system's
 * @param spoolDirectory  where points wait until InfluxDB has acknowledged them
 * @param spoolMaxBytes   the bound on the spool's size; beyond it the oldest points are dropped
 */
public record InfluxConfig(URI url, Api api, Optional<String> database, Optional<String> retentionPolicy,
        Optional<String> username, Optional<Secret> password, Optional<String> org, Optional<String> bucket,
        Optional<Secret> token, int batchSize, Duration flushInterval, Duration timeout, boolean gzip,
        Optional<Path> caFile, Path spoolDirectory, long spoolMaxBytes) {

    /** The default for {@code batch-size}. */
    public static final int DEFAULT_BATCH_SIZE = 1000;
    /** The default for {@code flush-interval}. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(10);
    /** The default for {@code timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The default for {@code spool.max-bytes}: 100 MB. */
    public static final long DEFAULT_SPOOL_MAX_BYTES = 100L * 1024 * 1024;

    /** The write API a server speaks. */
    public enum Api {
        /** InfluxDB 1.x: {@code /write} with a database, retention policy and user/password. */
        V1,
        /** InfluxDB 2.x and 3.x: {@code /api/v2/write} with an organization, bucket and token. */
        V2
    }

    public InfluxConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(flushInterval, "flushInterval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        if (api == Api.V1 && database.isEmpty() || api == Api.V2 && (org.isEmpty() || bucket.isEmpty())) {
            throw new IllegalArgumentException("api " + api + " needs " + (api == Api.V1 ? "a database" : "an org and a bucket"));
        }
    }

    /**
     * Reads the {@code influxdb} section of a configuration, if it has one. Every problem is
     * reported to the mapping's collector with its file, line and what is allowed; the result is
     * empty when the section is absent or has problems. Secrets are read from this process's
     * environment and from files.
     *
     * @param root  the whole file, as {@code MedicConfigReader} hands it back
     * @param medic the engine's configuration: the state directory and the file's location
     */
    public static Optional<InfluxConfig> read(ConfigMap root, MedicConfig medic) {
        return read(root, medic, System.getenv());
    }

    /** Reads the section as {@link #read(ConfigMap, MedicConfig)} does, with secrets from the given environment. */
    public static Optional<InfluxConfig> read(ConfigMap root, MedicConfig medic, Map<String, String> environment) {
        return InfluxConfigReader.read(root, medic, environment);
    }

    /** Where points go, in words: {@code database 'medic'} or {@code bucket 'medic' of organization 'acme'}. */
    public String target() {
        return api == Api.V1 ? "database '" + database.orElseThrow() + "'"
            : "bucket '" + bucket.orElseThrow() + "' of organization '" + org.orElseThrow() + "'";
    }

    /** The keys that hold the credentials, for messages: {@code username and influxdb.password} or {@code token}. */
    public String credentialKeys() {
        return api == Api.V1 ? "username and influxdb.password" : "token";
    }

    /** Masks every secret of this configuration in a text, such as a server's error message. */
    public String mask(String text) {
        String masked = text;
        if (password.isPresent()) {
            masked = password.get().maskIn(masked);
        }
        if (token.isPresent()) {
            masked = token.get().maskIn(masked);
        }
        return masked;
    }

    /** A one-line description for logs and displays; secrets show as {@value Secret#MASK}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("InfluxDB ").append(api.name().toLowerCase(Locale.ROOT))
            .append(" at ").append(url).append(", ").append(target());
        retentionPolicy.ifPresent(policy -> text.append(", retention policy '").append(policy).append('\''));
        username.ifPresent(user -> text.append(", user '").append(user).append('\''));
        password.ifPresent(secret -> text.append(", password ").append(secret));
        token.ifPresent(secret -> text.append(", token ").append(secret));
        caFile.ifPresent(file -> text.append(", CA file ").append(file));
        return text.append(", batch-size ").append(batchSize).append(", flush-interval ").append(flushInterval)
            .append(", timeout ").append(timeout).append(", gzip ").append(gzip).append(", spool ").append(spoolDirectory)
            .append(" (max-bytes ").append(spoolMaxBytes).append(')').toString();
    }
}
