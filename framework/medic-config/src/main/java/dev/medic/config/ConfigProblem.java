package dev.medic.config;

/**
 * One thing wrong with a configuration: where it is, which key, and what is allowed instead.
 *
 * @param file    the file the problem is in, as the user named it
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param key     the dotted path of the key, such as {@code packages.demo.timeout}; empty for the whole file
 * @param message what is wrong and what is allowed
 */
public record ConfigProblem(String file, int line, int column, String key, String message) {

    /** {@code medic.yml:12:5: packages.demo.timeout: ...}, the form editors can jump to. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (!key.isEmpty()) {
            text.append(key).append(": ");
        }
        return text.append(message).toString();
    }
}
