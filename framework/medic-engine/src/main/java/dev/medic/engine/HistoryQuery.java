package dev.medic.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * Which part of the history to read.
 *
 * @param selection the packages and checks
 * @param since     only records from this instant on, if given
 * @param limit     at most this many records
 */
public record HistoryQuery(Selection selection, Optional<Instant> since, int limit) {

    /** The default number of records a history query returns. */
    public static final int DEFAULT_LIMIT = 50;

    public HistoryQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }
}
