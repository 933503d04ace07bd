package dev.medic.engine.internal.loading;

import java.nio.file.Path;

/**
 * A package archive that did not load.
 *
 * @param packageId the package's id when its descriptor could be read, else the file's name
 * @param archive   the archive
 * @param message   why, in words an operator can act on
 */
public record LoadFailure(String packageId, Path archive, String message) {
}
