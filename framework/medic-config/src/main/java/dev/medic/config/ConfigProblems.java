package dev.medic.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems while a configuration is read, so that the user sees all of them at once.
 */
public final class ConfigProblems {

    private final List<ConfigProblem> problems = new ArrayList<>();

    /** Records a problem. */
    public void add(ConfigProblem problem) {
        problems.add(problem);
    }

    /** Records a problem about a whole file. */
    public void add(String file, String message) {
        problems.add(new ConfigProblem(file, 0, 0, "", message));
    }

    /** True when nothing is wrong so far. */
    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems so far. */
    public List<ConfigProblem> all() {
        return List.copyOf(problems);
    }

    /** Throws a {@link ConfigException} holding every problem, if there is any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
