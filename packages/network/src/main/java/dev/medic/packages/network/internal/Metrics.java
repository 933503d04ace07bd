package dev.medic.packages.network.internal;

import java.util.Map;

import dev.medic.api.Measurements;

/**
 * The measurements the checks record, in one place: their names and their tags. Tags are the
 * target's name and, where several kinds share a measurement, the protocol; never free text.
 */
public final class Metrics {

    /** Milliseconds from the first connection attempt until the TCP connection was up. */
    public static final String CONNECT_MS = "network.connect_ms";
    /** Milliseconds from connected until the greeting (and EHLO answer) or the TLS handshake was done. */
    public static final String HANDSHAKE_MS = "network.handshake_ms";
    /** Whole days until the first certificate of the presented chain expires; negative once expired. */
    public static final String TLS_DAYS_LEFT = "network.tls.days_left";
    /** Milliseconds the resolver took to answer. */
    public static final String DNS_RESOLVE_MS = "network.dns.resolve_ms";
    /** The mean round-trip time of the echo replies, in milliseconds. */
    public static final String PING_RTT_MS = "network.ping.rtt_ms";
    /** The share of echo requests without a reply, in percent. */
    public static final String PING_LOSS_PERCENT = "network.ping.loss_percent";

    private final Measurements measurements;
    private final Map<String, String> tags;

    private Metrics(Measurements measurements, Map<String, String> tags) {
        this.measurements = measurements;
        this.tags = tags;
    }

    /** Measurements of one target of a connection-based kind: tagged with the target and protocol. */
    public static Metrics of(Measurements measurements, String target, String protocol) {
        return new Metrics(measurements, Map.of("target", target, "protocol", protocol));
    }

    /** Measurements of one target whose measurement names already say the kind (dns, ping). */
    public static Metrics of(Measurements measurements, String target) {
        return new Metrics(measurements, Map.of("target", target));
    }

    public void record(String name, double value) {
        measurements.record(name, value, tags);
    }
}
