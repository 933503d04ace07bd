package dev.medic.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a repair reports about its own work: whether it succeeded, a message, and details.
 *
 * <p>A succeeded result is a claim, not a verdict: Medic retests the check, and only a passing
 * retest makes the check {@code REPAIRED}.
 *
 * @param status  whether the repair did its job
 * @param message a short human-readable account, never null
 * @param details extra facts for the record (a pid, a command's exit code), never null
 */
public record RepairResult(Status status, String message, Map<String, String> details) {

    /** Whether a repair did its job. */
    public enum Status {
        /** The repair did what it is meant to do. */
        SUCCEEDED,
        /** The repair could not do its job. */
        FAILED,
        /** The repair has nothing to do for this failure (say, no repair is configured for this target). */
        NOT_APPLICABLE
    }

    public RepairResult {
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The repair did its job. */
    public static RepairResult succeeded(String message) {
        return new RepairResult(Status.SUCCEEDED, message, Map.of());
    }

    /** The repair could not do its job; the check stays unresolved. */
    public static RepairResult failed(String message) {
        return new RepairResult(Status.FAILED, message, Map.of());
    }

    /**
     * The repair does not apply to this failure, for example because the operator configured no
     * repair for this target. The check is recorded as unresolved with reason NO_REPAIR, and the
     * attempt does not count toward the repair limit.
     */
    public static RepairResult notApplicable(String message) {
        return new RepairResult(Status.NOT_APPLICABLE, message, Map.of());
    }

    /** A copy of this result with one more detail. */
    public RepairResult withDetail(String key, Object value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(Objects.requireNonNull(key, "key"), String.valueOf(value));
        return new RepairResult(status, message, more);
    }

    /** True when the repair reported success. */
    public boolean isSuccess() {
        return status == Status.SUCCEEDED;
    }
}
