package dev.medic.engine.internal.junit;

/** Turns a throwable into the one-paragraph failure text Medic records and shows. */
public final class Failures {

    private static final int MAX_LENGTH = 2000;

    private Failures() {
    }

    /**
     * The throwable's message with its whitespace folded; the class name when it has no message,
     * and the class name in front for anything that is not an assertion failure.
     */
    public static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().strip().replaceAll("\\s+", " ");
        String text;
        if (failure instanceof AssertionError && !message.isEmpty()) {
            text = message;
        } else if (message.isEmpty()) {
            text = failure.getClass().getName();
        } else {
            text = failure.getClass().getSimpleName() + ": " + message;
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
    }
}
