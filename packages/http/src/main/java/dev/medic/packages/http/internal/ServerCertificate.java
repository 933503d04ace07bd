package dev.medic.packages.http.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The leaf certificate an https server presented: the server's own, not the intermediates or
 * roots it may send along (servers often send a stale cross-signed root that clients never use,
 * and its date says nothing about this server).
 *
 * @param host     the host that presented it
 * @param subject  its subject, such as {@code CN=shop.example.com}
 * @param notAfter when it expires
 */
public record ServerCertificate(String host, String subject, Instant notAfter) {

    /** Whole days until it expires, rounded down; negative once expired. */
    public long daysLeft(Instant now) {
        return Math.floorDiv(Duration.between(now, notAfter).toSeconds(), Duration.ofDays(1).toSeconds());
    }
}
