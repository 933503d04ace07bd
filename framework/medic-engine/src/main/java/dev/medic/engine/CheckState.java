package dev.medic.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.medic.api.CheckId;

/**
 * What the healing policy remembers about one check between runs. Kept in the store, so it
 * survives restarts. Immutable; every transition makes a new one.
 *
 * @param check               the check
 * @param state               where it stands
 * @param since               when it entered that state
 * @param consecutiveFailures confirmed failures in a row, across runs
 * @param consecutivePasses   passes in a row, across runs
 * @param repairs             when repairs were attempted, within the repair window
 * @param repairsSinceHealthy repair attempts since the check last passed (for the backoff)
 * @param stateChanges        when the check changed between HEALTHY and FAILING, within the flap window
 */
public record CheckState(CheckId check, HealthState state, Instant since, int consecutiveFailures,
        int consecutivePasses, List<Instant> repairs, int repairsSinceHealthy, List<Instant> stateChanges) {

    public CheckState {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        repairs = List.copyOf(repairs);
        stateChanges = List.copyOf(stateChanges);
    }

    /** The state of a check Medic has not seen fail. */
    public static CheckState initial(CheckId check, Instant now) {
        return new CheckState(check, HealthState.HEALTHY, now, 0, 0, List.of(), 0, List.of());
    }

    /** When the last repair was attempted. */
    public Optional<Instant> lastRepair() {
        return repairs.isEmpty() ? Optional.empty() : Optional.of(repairs.get(repairs.size() - 1));
    }
}
