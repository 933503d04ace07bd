package dev.medic.api;

/**
 * An action that brings a failing check back to health.
 *
 * <p>Medic runs a repair only after its check failed (and the healing policy allows it), then
 * retests the check. Only a passing retest counts as repaired: a repair that throws, exceeds its
 * timeout or returns {@link RepairResult#failed(String)} is recorded as a failed repair, and a
 * repair that claims success while the retest still fails is recorded as still failing.
 *
 * <p>A repair should return once its effect is in place (for example, once a started service
 * accepts connections), honour thread interruption, and do nothing that a retry could make worse.
 */
@FunctionalInterface
public interface Repair {

    /**
     * Repairs what the check found broken.
     *
     * @param context the failed check, its failure, the package's settings and a logger
     * @return whether the repair did its job, with a message for the record
     * @throws Exception when the repair cannot complete; recorded as a failed repair
     */
    RepairResult repair(RepairContext context) throws Exception;
}
