package dev.medic.api.internal;

import java.util.regex.Pattern;

/**
 * Names checks the same way everywhere: the configuration, the command line, the history, the
 * metrics and the extension that resolves settings.
 */
public final class CheckNames {

    private static final Pattern DEFAULT_INVOCATION_PREFIX = Pattern.compile("^\\[\\d+]\\s+");

    private CheckNames() {
    }

    /** {@code DiskChecks.hasRoom} for method {@code hasRoom} of class {@code com.acme.DiskChecks}. */
    public static String of(String className, String methodName) {
        String simple = className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
        return simple + "." + methodName;
    }

    /**
     * The label of one parameterized invocation or dynamic test inside the brackets of its check
     * name: its display name without JUnit's default {@code [1] } prefix, and without the quotes
     * JUnit puts around a single text argument.
     */
    public static String label(String invocationDisplayName) {
        String shown = DEFAULT_INVOCATION_PREFIX.matcher(invocationDisplayName.strip()).replaceFirst("");
        if (shown.isEmpty()) {
            return invocationDisplayName.strip();
        }
        // JUnit quotes a text argument ("{0}" shows as "/var"); one quoted argument is the name itself.
        if (shown.length() >= 2 && shown.startsWith("\"") && shown.endsWith("\"") && shown.indexOf('"', 1) == shown.length() - 1) {
            return shown.substring(1, shown.length() - 1);
        }
        return shown;
    }
}
