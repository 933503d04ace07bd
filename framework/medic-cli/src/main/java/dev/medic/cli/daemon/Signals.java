package dev.medic.cli.daemon;

import java.lang.reflect.Proxy;

/**
 * Handles SIGHUP, SIGTERM and SIGINT where the Java runtime lets us (through {@code sun.misc.Signal}).
 * Handling SIGTERM ourselves is what lets the daemon stop cleanly and exit 0 instead of the
 * runtime's 143. Reflection keeps the runtime's unsupported API out of the compiled code.
 */
final class Signals {

    private static final System.Logger LOG = System.getLogger(Signals.class.getName());

    private Signals() {
    }

    /** Calls the action on the signal; returns false when this runtime cannot handle signals. */
    static boolean on(String name, Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            Object handler = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerClass},
                (proxy, method, args) -> {
                    if (method.getName().equals("handle")) {
                        action.run();
                    }
                    return null;
                });
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot handle SIG" + name + ": " + e);
            return false;
        }
    }
}
