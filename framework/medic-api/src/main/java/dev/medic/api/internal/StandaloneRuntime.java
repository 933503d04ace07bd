package dev.medic.api.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.ServiceLoader;

import org.junit.jupiter.api.extension.ExtensionContext;

import dev.medic.api.Settings;

/**
 * Settings for checks run outside the runner, in an IDE or under Maven.
 *
 * <p>A {@link PackageRuntime} found through {@link ServiceLoader} (medic-test provides one that
 * reads the package's {@code medic-package.yml}) comes first; JUnit configuration parameters named
 * {@code medic.setting.KEY} override its values. No timeout applies beyond JUnit's own.
 */
public final class StandaloneRuntime implements PackageRuntime {

    /** The prefix of JUnit configuration parameters that set a setting outside the runner. */
    public static final String SETTING_PREFIX = "medic.setting.";

    private final Optional<PackageRuntime> provided;
    private final ExtensionContext context;

    private StandaloneRuntime(Optional<PackageRuntime> provided, ExtensionContext context) {
        this.provided = provided;
        this.context = context;
    }

    /** The standalone runtime for a test, cached in the root context's store. */
    public static PackageRuntime of(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(StandaloneRuntime.class));
        @SuppressWarnings("unchecked")
        Optional<PackageRuntime> provided = store.computeIfAbsent("provided",
            key -> ServiceLoader.load(PackageRuntime.class).findFirst(), Optional.class);
        return new StandaloneRuntime(provided, context);
    }

    @Override
    public Settings settings(Optional<String> checkName) {
        Settings base = provided.map(runtime -> runtime.settings(checkName)).orElse(Settings.empty());
        return new ParameterSettings(base, key -> context.getConfigurationParameter(SETTING_PREFIX + key));
    }

    @Override
    public Optional<Duration> timeout(Optional<String> checkName) {
        return Optional.empty();
    }
}
