package dev.medic.influxdb;

import java.util.Objects;

import dev.medic.influxdb.internal.Probe;

/**
 * Checks that the configured InfluxDB can be reached and written to, and says what is wrong in
 * plain words: {@code medic validate --connect}. It writes no point: it sends an empty write,
 * which InfluxDB authenticates and checks against the database or bucket like any other.
 */
public final class InfluxProbe {

    /** What the probe found. */
    public enum Status {
        /** Reached, authenticated, and the database or bucket exists. */
        OK,
        /** Nothing answers: wrong host or port, nothing listening, no route, no answer in time. */
        UNREACHABLE,
        /** The TLS handshake failed: http against https (or back), or a certificate not trusted. */
        TLS_FAILED,
        /** Something answers, but not like InfluxDB. */
        NOT_INFLUXDB,
        /** InfluxDB refused the credentials. */
        AUTHENTICATION_FAILED,
        /** The database, bucket or organization does not exist. */
        NOT_FOUND,
        /** InfluxDB answered with an error of its own. */
        SERVER_ERROR
    }

    /**
     * @param status  what the probe found
     * @param message the finding in plain words, with what to do about it; never holds a secret
     */
    public record Result(Status status, String message) {

        public Result {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(message, "message");
        }

        public boolean ok() {
            return status == Status.OK;
        }
    }

    private InfluxProbe() {
    }

    /** Probes the server of a configuration, waiting at most its timeout per request. */
    public static Result probe(InfluxConfig config) {
        Result result = Probe.run(config);
        return new Result(result.status(), config.mask(result.message()));
    }
}
