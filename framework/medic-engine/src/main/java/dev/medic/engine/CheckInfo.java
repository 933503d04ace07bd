package dev.medic.engine;

import java.util.List;

import dev.medic.api.CheckId;

/**
 * A check or stats method as a package declares it, before anything runs.
 *
 * @param id            its name (method level)
 * @param displayName   its JUnit display name
 * @param repair        the simple name of its paired repair; empty when none
 * @param tags          its JUnit tags
 * @param enabled       whether the configuration lets it run
 * @param parameterized whether it runs as several invocations (parameterized or dynamic)
 */
public record CheckInfo(CheckId id, String displayName, String repair, List<String> tags, boolean enabled,
        boolean parameterized) {

    public CheckInfo {
        tags = List.copyOf(tags);
    }
}
