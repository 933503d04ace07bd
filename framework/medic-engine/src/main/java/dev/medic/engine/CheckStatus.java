package dev.medic.engine;

import java.util.Optional;

/**
 * What the history says about one check: its last record, its last failure, its last repair, and
 * the healing policy's state.
 *
 * @param last        the most recent record
 * @param lastFailure the most recent record whose first execution failed, if any
 * @param lastRepair  the most recent repair attempt, if any
 * @param state       the healing policy's state, if the store keeps one for the check
 */
public record CheckStatus(CheckRecord last, Optional<CheckRecord> lastFailure, Optional<RepairRecord> lastRepair,
        Optional<CheckState> state) {
}
