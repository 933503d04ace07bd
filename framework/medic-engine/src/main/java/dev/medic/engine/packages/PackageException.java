package dev.medic.engine.packages;

/**
 * A package operation was refused or failed; the message says why and what was left unchanged.
 */
public final class PackageException extends Exception {

    private static final long serialVersionUID = 1L;

    public PackageException(String message) {
        super(message);
    }

    public PackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
