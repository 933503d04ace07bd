package dev.medic.cli.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import dev.medic.api.internal.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --since}: a duration back from now ({@code 2h}, {@code 7d}), a date, or a date and time. */
final class SinceConverter implements ITypeConverter<Instant> {

    static Clock clock = Clock.systemUTC();

    @Override
    public Instant convert(String value) {
        Optional<java.time.Duration> back = Durations.parse(value);
        if (back.isPresent()) {
            return clock.instant().minus(back.get());
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneId.systemDefault()).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new TypeConversionException("'" + value + "' is not a time; use a duration back from now (30m, 2h, 7d),"
                        + " a date (2026-11-20), a local date and time (2026-11-20T14:00) or an instant (2026-11-20T13:00:00Z)");
                }
            }
        }
    }
}
