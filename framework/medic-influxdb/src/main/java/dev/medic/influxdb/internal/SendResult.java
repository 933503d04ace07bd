package dev.medic.influxdb.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

/**
 * How one write request ended, in the terms the spool acts on: remove the batch, set it aside, or
 * keep it and try again later.
 *
 * @param kind    what happened
 * @param status  the HTTP status, or 0 when there was no answer
 * @param message what happened, in plain words
 */
public record SendResult(Kind kind, int status, String message) {

    /** What happened to a request. */
    public enum Kind {
        /** 2xx: stored; remove the batch. */
        ACKNOWLEDGED,
        /** 400 or 422: the points are malformed; set the batch aside, never retry it. */
        REJECTED,
        /** No connection: wrong URL, nothing listening, no route, no answer in time. */
        UNREACHABLE,
        /** The TLS handshake failed. */
        TLS,
        /** 401 or 403: the credentials are wrong or lack the right to write. */
        AUTHENTICATION,
        /** 404: the database, bucket or organization does not exist. */
        NOT_FOUND,
        /** Any other answer, such as 5xx: the server could not take the points now. */
        SERVER;

        /** True when the batch stays in the spool and is sent again. */
        public boolean retry() {
            return this != ACKNOWLEDGED && this != REJECTED;
        }
    }

    static SendResult acknowledged(int status) {
        return new SendResult(Kind.ACKNOWLEDGED, status, "stored");
    }

    /**
     * Classifies an HTTP answer.
     *
     * @param target     where the points go, such as {@code database 'medic'}
     * @param credential which settings hold the credentials, such as {@code username and password}
     */
    static SendResult ofStatus(int status, String serverMessage, String target, String credential) {
        String said = serverMessage == null || serverMessage.isBlank() ? "" : ": " + serverMessage.strip();
        if (status >= 200 && status < 300) {
            return acknowledged(status);
        }
        return switch (status) {
            case 400, 422 -> new SendResult(Kind.REJECTED, status, "HTTP " + status + said);
            case 401, 403 -> new SendResult(Kind.AUTHENTICATION, status, "InfluxDB refused the credentials (HTTP " + status
                + said + "); check influxdb." + credential);
            case 404 -> new SendResult(Kind.NOT_FOUND, status, "InfluxDB has no " + target + " (HTTP 404" + said
                + "); create it, or correct the configuration");
            default -> new SendResult(Kind.SERVER, status, "InfluxDB answered HTTP " + status + said);
        };
    }

    /** Classifies a request that got no HTTP answer, walking the causes for the telling one. */
    static SendResult ofFailure(Throwable failure, String hostAndPort) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return new SendResult(Kind.TLS, 0, "the TLS connection to " + hostAndPort + " failed (" + cause.getMessage()
                    + "); check that the URL's scheme matches the server (http or https) and, for a private CA, influxdb.tls.ca-file");
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return new SendResult(Kind.UNREACHABLE, 0, "nothing is listening at " + hostAndPort + " ("
                    + cause.getMessage() + "); check influxdb.url and that InfluxDB is running");
            }
            if (cause instanceof UnknownHostException) {
                return new SendResult(Kind.UNREACHABLE, 0, "the host name in " + hostAndPort
                    + " is not known; check influxdb.url");
            }
            if (cause instanceof InterruptedIOException) {
                return new SendResult(Kind.UNREACHABLE, 0, "no answer from " + hostAndPort + " in time (" + cause.getMessage()
                    + "); check influxdb.url, or raise influxdb.timeout");
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && !(root instanceof IOException)) {
            root = root.getCause();
        }
        return new SendResult(Kind.UNREACHABLE, 0, "cannot talk to " + hostAndPort + ": " + root);
    }
}
