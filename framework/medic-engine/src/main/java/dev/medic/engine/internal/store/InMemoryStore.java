package dev.medic.engine.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import dev.medic.api.CheckId;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.CheckState;
import dev.medic.engine.CheckStatus;
import dev.medic.engine.HistoryQuery;
import dev.medic.engine.Outcome;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunRecord;
import dev.medic.engine.Selection;
import dev.medic.engine.spi.Store;

/**
 * A store that keeps the history in memory, for tests of packages and for embedding Medic where
 * nothing must outlive the process.
 */
public final class InMemoryStore implements Store {

    private final List<CheckRecord> checks = new ArrayList<>();
    private final List<RepairRecord> repairs = new ArrayList<>();
    private final List<RunRecord> runs = new ArrayList<>();
    private final Map<CheckId, CheckState> states = new LinkedHashMap<>();

    @Override
    public synchronized void checkFinished(CheckRecord check) {
        checks.add(check);
    }

    @Override
    public synchronized void repairFinished(RepairRecord repair) {
        repairs.add(repair);
    }

    @Override
    public synchronized void runFinished(RunRecord run) {
        runs.add(run);
    }

    @Override
    public synchronized List<CheckStatus> status(Selection selection) {
        Map<CheckId, CheckRecord> last = new LinkedHashMap<>();
        checks.stream().filter(record -> selection.includes(record.check())).forEach(record -> last.put(record.check(), record));
        List<CheckStatus> statuses = new ArrayList<>();
        last.forEach((id, record) -> statuses.add(new CheckStatus(record,
            newest(checks, check -> check.check().equals(id) && check.outcome() != Outcome.HEALTHY
                && check.outcome() != Outcome.SKIPPED),
            newest(repairs, repair -> repair.check().equals(id)), Optional.ofNullable(states.get(id)))));
        statuses.sort(Comparator.comparing(status -> status.last().check()));
        return statuses;
    }

    @Override
    public synchronized List<CheckRecord> checks(HistoryQuery query) {
        return select(checks, record -> query.selection().includes(record.check())
            && after(record.startedAt(), query), query.limit());
    }

    @Override
    public synchronized List<RepairRecord> repairs(HistoryQuery query) {
        return select(repairs, record -> query.selection().includes(record.check())
            && after(record.startedAt(), query), query.limit());
    }

    @Override
    public synchronized List<RunRecord> runs(HistoryQuery query) {
        return select(runs, record -> after(record.startedAt(), query), query.limit());
    }

    @Override
    public synchronized Map<CheckId, CheckState> states(Selection selection) {
        Map<CheckId, CheckState> selected = new java.util.TreeMap<>();
        states.forEach((id, state) -> {
            if (selection.includes(id)) {
                selected.put(id, state);
            }
        });
        return selected;
    }

    @Override
    public synchronized void saveState(CheckState state) {
        states.put(state.check(), state);
    }

    @Override
    public synchronized List<CheckId> resetStates(Selection selection) {
        List<CheckId> reset = states.keySet().stream().filter(selection::includes).sorted().toList();
        reset.forEach(states::remove);
        return reset;
    }

    @Override
    public void close() {
        // nothing to release
    }

    private static boolean after(Instant time, HistoryQuery query) {
        return query.since().map(since -> !time.isBefore(since)).orElse(true);
    }

    private static <T> List<T> select(List<T> records, Predicate<T> filter, int limit) {
        List<T> selected = new ArrayList<>();
        for (int i = records.size() - 1; i >= 0 && selected.size() < limit; i--) {
            if (filter.test(records.get(i))) {
                selected.add(records.get(i));
            }
        }
        return selected;
    }

    private static <T> Optional<T> newest(List<T> records, Predicate<T> filter) {
        for (int i = records.size() - 1; i >= 0; i--) {
            if (filter.test(records.get(i))) {
                return Optional.of(records.get(i));
            }
        }
        return Optional.empty();
    }
}
