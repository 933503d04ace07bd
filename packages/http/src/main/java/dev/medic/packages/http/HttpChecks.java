package dev.medic.packages.http;

import java.util.Set;

import dev.medic.api.CheckEach;
import dev.medic.api.Measurements;
import dev.medic.api.SettingException;
import dev.medic.api.Target;
import dev.medic.packages.http.internal.HttpTargetOptions;

/**
 * One check per target under {@code targets}: {@code HttpChecks.answers[shop]}.
 *
 * <p>No repair is paired: an HTTP failure has many causes, and the package cannot know which
 * process, unit or host stands behind a URL. Operators pair a repair through a package of their
 * own that calls {@link HttpTargetCheck} (see docs/packages/http.md).
 */
class HttpChecks {

    /** The package's own settings that every target inherits besides the target keys. */
    private static final Set<String> PACKAGE_ONLY_SETTINGS = Set.of("targets");

    @CheckEach("targets")
    void answers(Target target, Measurements measurements) {
        Set<String> unknown = HttpTargetOptions.unknownKeys(target, PACKAGE_ONLY_SETTINGS);
        if (!unknown.isEmpty()) {
            throw new SettingException("target '" + target.name() + "': unknown key(s) " + String.join(", ", unknown)
                + "; a target may set name, enabled, " + String.join(", ", HttpTargetOptions.KEYS));
        }
        HttpTargetCheck.verify(target, measurements);
    }
}
