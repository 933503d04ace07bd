package dev.medic.packages.http.internal;

import java.time.Instant;
import java.util.Map;

import dev.medic.api.Measurements;

/**
 * The measurements of one answer, each tagged with the target's name: the only tag, because a
 * target name is chosen by the operator from a short list, while URLs and status texts are not.
 */
public final class HttpStats {

    /** From the first connect until the final body was read, redirects included. */
    public static final String RESPONSE_MS = "http.response_ms";
    /** The final status code. */
    public static final String STATUS_CODE = "http.status_code";
    /** Whole days until the https server certificate that expires first expires. */
    public static final String CERTIFICATE_DAYS_LEFT = "http.certificate_days_left";
    /** The tag that names the target. */
    public static final String TARGET_TAG = "target";

    private HttpStats() {
    }

    /** Records what an answer measured; the certificate only for https. */
    public static void record(String target, HttpExchange exchange, Instant now, Measurements measurements) {
        Map<String, String> tags = Map.of(TARGET_TAG, target);
        measurements.record(RESPONSE_MS, exchange.elapsed().toNanos() / 1_000_000.0, tags);
        measurements.record(STATUS_CODE, exchange.status(), tags);
        exchange.certificate().ifPresent(certificate ->
            measurements.record(CERTIFICATE_DAYS_LEFT, certificate.daysLeft(now), tags));
    }
}
