package dev.medic.store.sqlite;

/**
 * Says that the history file could not be opened, read or written, naming the file and what is
 * wrong with it.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
