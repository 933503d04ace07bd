package dev.medic.api.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;

/**
 * Runs a JUnit invocation on its own thread and gives up on it after a timeout.
 *
 * <p>JUnit's own timeouts interrupt the test thread and then wait for it, which never ends when
 * a check ignores interrupts (a blocking socket read, a stuck native call). This abandons such a
 * thread instead, so a hanging check fails and the run goes on. The abandoned thread is a daemon
 * and cannot keep the runner alive.
 */
public final class InvocationWatchdog {

    private InvocationWatchdog() {
    }

    /**
     * Proceeds with the invocation, failing with a {@link TimeoutException} if it has not
     * finished within the timeout.
     */
    public static <T> T proceed(Invocation<T> invocation, Duration timeout, String what) throws Throwable {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                result.set(invocation.proceed());
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        }, "medic-" + what);
        worker.setDaemon(true);
        worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        worker.start();
        try {
            if (!done.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                worker.interrupt();
                throw new TimeoutException(what + " timed out after " + Durations.format(timeout)
                    + " and was abandoned");
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            throw e;
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
