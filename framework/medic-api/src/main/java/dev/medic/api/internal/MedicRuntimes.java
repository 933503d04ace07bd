package dev.medic.api.internal;

import org.junit.jupiter.api.extension.ExtensionContext;

/** Finds the {@link PackageRuntime} for a running test: the runner's, or the standalone one. */
public final class MedicRuntimes {

    private MedicRuntimes() {
    }

    /** The runtime the runner registered for this request, else the one for tests run outside it. */
    public static PackageRuntime of(ExtensionContext context) {
        return context.getConfigurationParameter(RunnerBridge.TOKEN_PARAMETER)
            .flatMap(RunnerBridge::find)
            .orElseGet(() -> StandaloneRuntime.of(context));
    }
}
