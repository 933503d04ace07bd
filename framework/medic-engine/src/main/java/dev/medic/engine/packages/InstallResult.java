package dev.medic.engine.packages;

import java.util.Optional;

/**
 * What an install did.
 *
 * @param installed the package now installed
 * @param replaced  the version it replaced, when it was an upgrade
 */
public record InstallResult(InstalledPackage installed, Optional<String> replaced) {
}
