package dev.medic.engine.internal.run;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Makes run ids that sort by time and read well: {@code 20261121T101500Z-3f9a}. */
final class RunIds {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    static String next(Instant now) {
        return FORMAT.format(now) + "-" + String.format("%04x", RANDOM.nextInt(0x10000));
    }
}
