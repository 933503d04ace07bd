package dev.medic.engine.internal.junit;

import java.time.Instant;

import dev.medic.api.internal.MeasurementEntries;

/**
 * A measurement as it arrived from a running check or stats method.
 *
 * @param source the check or stats method that recorded it
 * @param entry  the decoded measurement
 * @param time   when the runner received it
 */
public record Measured(String source, MeasurementEntries.Entry entry, Instant time) {
}
