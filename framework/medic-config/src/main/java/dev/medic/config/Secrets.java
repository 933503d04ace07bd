package dev.medic.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;


/**
 * Reads a secret written as {@code {env: NAME}} or {@code {file: PATH}}. An inline secret is
 * refused: a configuration file is read by many and copied around. No message here ever contains
 * what the user wrote as the secret.
 */
public final class Secrets {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Secrets() {
    }

    /**
     * Reads {@code key} of a section as a secret, reporting a wrong form at its line.
     *
     * @param base        the directory relative secret files are read from
     * @param environment the process environment
     * @return the secret, or empty when the key is absent or wrong (then a problem is reported)
     */
    public static Optional<Secret> read(ConfigMap section, String key, Path base, Map<String, String> environment) {
        if (!section.has(key)) {
            return Optional.empty();
        }
        String howTo = "write " + key + ": {env: VARIABLE} to read it from an environment variable, or "
            + key + ": {file: /path/to/file} to read it from a file only Medic can read";
        Optional<ConfigNode> node = section.get(key);
        if (node.isEmpty()) {
            section.report(key, "the value is empty; " + howTo);
            return Optional.empty();
        }
        if (!node.get().isMapping()) {
            // Never describe() the value here: it would print the secret.
            node.get().report("an inline secret is not allowed, so that it never sits in a file that is read and copied; "
                + howTo);
            return Optional.empty();
        }
        ConfigMap form = node.get().asMap(List.of("env", "file"));
        if (form.entries().size() != 1) {
            node.get().report("write exactly one of env or file; " + howTo);
            return Optional.empty();
        }
        return form.has("env") ? fromEnvironment(form, environment) : fromFile(form, base);
    }

    private static Optional<Secret> fromEnvironment(ConfigMap form, Map<String, String> environment) {
        Optional<String> name = form.string("env");
        if (name.isEmpty()) {
            form.report("env", "expected the name of an environment variable");
            return Optional.empty();
        }
        if (!VARIABLE.matcher(name.get()).matches()) {
            form.report("env", "not an environment variable name (letters, digits and '_', not starting with a digit); "
                + "write the variable's name here, not the secret");
            return Optional.empty();
        }
        String value = environment.get(name.get());
        if (value == null || value.isBlank()) {
            form.report("env", "the environment variable " + name.get() + " is not set (or empty) for this process; "
                + "set it where Medic runs (systemd: Environment= or EnvironmentFile=), or use {file: PATH}");
            return Optional.empty();
        }
        return Optional.of(Secret.of(value.strip(), "environment variable " + name.get()));
    }

    private static Optional<Secret> fromFile(ConfigMap form, Path base) {
        Optional<Path> file = form.string("file").map(text -> ConfigPaths.resolve(base, text));
        if (file.isEmpty()) {
            form.report("file", "expected the path of a file that holds the secret");
            return Optional.empty();
        }
        String value;
        try {
            value = Files.readString(file.get(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            form.report("file", "cannot read the secret file " + file.get() + " (" + e.getClass().getSimpleName()
                + "); it must exist and be readable by the user Medic runs as");
            return Optional.empty();
        }
        if (value.isEmpty()) {
            form.report("file", "the secret file " + file.get() + " is empty");
            return Optional.empty();
        }
        return Optional.of(Secret.of(value, "file " + file.get()));
    }
}
