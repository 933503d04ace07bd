package dev.medic.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One number recorded by a stats method or a check.
 *
 * @param runId     the run it was recorded in
 * @param packageId the package that recorded it
 * @param source    the check or stats method that recorded it, such as {@code DemoChecks.responseTime}
 * @param name      the measurement's name, such as {@code demo.response_ms}
 * @param value     the value
 * @param tags      the measurement's own tags
 * @param time      when it was recorded; also the metric timestamp
 */
public record Measurement(String runId, String packageId, String source, String name, double value,
        Map<String, String> tags, Instant time) {

    public Measurement {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(time, "time");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
