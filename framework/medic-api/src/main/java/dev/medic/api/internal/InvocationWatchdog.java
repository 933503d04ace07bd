package dev.medic.api.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;

/**
 * Runs a JUnit invocation on a thread of its own and gives up on it after a timeout.
 *
 * <p>JUnit's own timeouts interrupt the test thread and then wait for it, which never ends when
 * a check ignores interrupts (a blocking socket read, a stuck native call). This abandons such a
 * thread instead, so a hanging check fails and the run goes on. The threads are daemons, so an
 * abandoned one cannot keep the runner alive; they are pooled, because a daemon that runs
 * hundreds of checks a minute would otherwise spend more on starting threads than on checking.
 * An abandoned thread stays busy and the pool starts another in its place.
 */
public final class InvocationWatchdog {

    private static final ExecutorService THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "medic-invocation");
            thread.setDaemon(true);
            return thread;
        });

    private InvocationWatchdog() {
    }

    /**
     * Proceeds with the invocation, failing with a {@link TimeoutException} if it has not
     * finished within the timeout.
     */
    public static <T> T proceed(Invocation<T> invocation, Duration timeout, String what) throws Throwable {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Future<T> running = THREADS.submit(() -> {
            Thread self = Thread.currentThread();
            self.setName("medic-" + what);
            self.setContextClassLoader(loader);
            try {
                return proceedRethrowing(invocation);
            } finally {
                self.setContextClassLoader(null);
                self.setName("medic-invocation");
                // A flag set by a check that interrupted itself must not reach the next one.
                Thread.interrupted();
            }
        });
        try {
            return running.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            throw new TimeoutException(what + " timed out after " + Durations.format(timeout) + " and was abandoned");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Carrier carrier ? carrier.getCause() : e.getCause();
        } catch (InterruptedException e) {
            running.cancel(true);
            throw e;
        }
    }

    /** Invocation.proceed throws Throwable; a Callable may throw only Exceptions, so anything else travels wrapped. */
    private static <T> T proceedRethrowing(Invocation<T> invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (Exception e) {
            throw e;
        } catch (Throwable t) {
            throw new Carrier(t);
        }
    }

    private static final class Carrier extends Exception {
        private static final long serialVersionUID = 1L;

        Carrier(Throwable cause) {
            super(cause);
        }
    }
}
