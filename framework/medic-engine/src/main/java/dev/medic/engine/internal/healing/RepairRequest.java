package dev.medic.engine.internal.healing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.medic.api.CheckId;
import dev.medic.api.Repair;
import dev.medic.api.Settings;

/**
 * Everything needed to run one repair attempt.
 *
 * @param runId          the run
 * @param check          the failed check
 * @param repair         the repair class
 * @param classLoader    the package's class loader, the repair's context class loader
 * @param failureMessage the check's failure text
 * @param failure        the check's throwable
 * @param settings       the check's settings
 * @param stateDirectory the package's state directory
 * @param timeout        how long the repair may run
 */
public record RepairRequest(String runId, CheckId check, Class<? extends Repair> repair, ClassLoader classLoader,
        String failureMessage, Optional<Throwable> failure, Settings settings, Path stateDirectory, Duration timeout) {
}
