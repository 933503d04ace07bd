package dev.medic.api.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a {@link PackageRuntime} from the runner to the extension running inside JUnit.
 *
 * <p>JUnit configuration parameters carry only text, so the runner registers the runtime here
 * under a fresh token and passes the token as the parameter {@value #TOKEN_PARAMETER}. This class
 * is loaded once by the runner's class loader and shared by every package, which is why packages
 * must not bundle medic-api.
 */
public final class RunnerBridge {

    /** The JUnit configuration parameter that carries the token. */
    public static final String TOKEN_PARAMETER = "medic.runtime";

    private static final Map<String, PackageRuntime> RUNTIMES = new ConcurrentHashMap<>();

    private RunnerBridge() {
    }

    /** Registers a runtime and returns the token to pass to JUnit. */
    public static String register(PackageRuntime runtime) {
        String token = UUID.randomUUID().toString();
        RUNTIMES.put(token, runtime);
        return token;
    }

    /** Forgets a runtime once its launcher request has finished. */
    public static void unregister(String token) {
        RUNTIMES.remove(token);
    }

    /** The runtime registered under a token. */
    public static Optional<PackageRuntime> find(String token) {
        return Optional.ofNullable(RUNTIMES.get(token));
    }
}
