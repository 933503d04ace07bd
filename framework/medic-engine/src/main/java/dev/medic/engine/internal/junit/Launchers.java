package dev.medic.engine.internal.junit;

import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Opens JUnit launcher sessions the way Medic needs them: Jupiter only, and no service-loader
 * scanning for engines, listeners or interceptors, because start-up time matters and packages
 * must not change how the runner behaves.
 *
 * <p>JUnit registers Java Flight Recorder listeners whenever it can load {@code jdk.jfr} through
 * the context class loader. Generating their event classes costs tens of milliseconds per run and
 * JFR's shutdown work delays the exit of a one-shot {@code medic check}, so the session is opened
 * under a context class loader that hides {@code jdk.jfr}. Medic records its own timings.
 */
final class Launchers {

    private static final ClassLoader WITHOUT_FLIGHT_RECORDER = new ClassLoader(Launchers.class.getClassLoader()) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("jdk.jfr.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    };

    private Launchers() {
    }

    /** A new session; the caller closes it. */
    static LauncherSession open() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(WITHOUT_FLIGHT_RECORDER);
        try {
            return LauncherFactory.openSession(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .build());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
