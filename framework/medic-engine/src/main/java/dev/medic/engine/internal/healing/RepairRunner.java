package dev.medic.engine.internal.healing;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.medic.api.CheckId;
import dev.medic.api.Repair;
import dev.medic.api.RepairContext;
import dev.medic.api.RepairResult;
import dev.medic.api.Settings;
import dev.medic.api.internal.Durations;
import dev.medic.engine.RepairOutcome;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.internal.junit.Failures;

/**
 * Runs one repair attempt on its own thread, in the package's class loader, and records how it
 * ended. A repair that throws (anything, {@code Error}s included), returns nothing, reports
 * failure or outlives its timeout is recorded as such; none of them is ever a success.
 */
public final class RepairRunner {

    private final Clock clock;

    public RepairRunner(Clock clock) {
        this.clock = clock;
    }

    /** Runs the repair and returns its record. Never throws. */
    public RepairRecord run(RepairRequest request) {
        Instant start = clock.instant();
        CapturingLogger log = new CapturingLogger("medic.repair." + request.check().packageId());
        AtomicReference<RepairResult> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Context context = new Context(request, start.plus(request.timeout()), log);
        Thread worker = new Thread(() -> {
            try {
                result.set(instantiate(request.repair()).repair(context));
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "medic-repair-" + request.check());
        worker.setDaemon(true);
        worker.setContextClassLoader(request.classLoader());
        worker.start();
        RepairOutcome outcome;
        String message;
        Map<String, String> details = Map.of();
        try {
            worker.join(Math.max(1, request.timeout().toMillis()));
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            worker.interrupt();
            outcome = RepairOutcome.TIMED_OUT;
            message = "did not finish within " + Durations.format(request.timeout()) + " and was abandoned";
        } else if (thrown.get() != null) {
            outcome = RepairOutcome.THREW;
            message = Failures.describe(unwrap(thrown.get()));
        } else if (result.get() == null) {
            outcome = RepairOutcome.FAILED;
            message = "returned no result (null)";
        } else {
            outcome = switch (result.get().status()) {
                case SUCCEEDED -> RepairOutcome.SUCCEEDED;
                case FAILED -> RepairOutcome.FAILED;
                case NOT_APPLICABLE -> RepairOutcome.NOT_APPLICABLE;
            };
            message = result.get().message();
            details = result.get().details();
        }
        return new RepairRecord(request.runId(), request.check(), request.repair().getSimpleName(), outcome, start,
            Duration.between(start, clock.instant()), message, details, log.lines());
    }

    /**
     * Creates a repair through its constructor without parameters.
     *
     * @throws ReflectiveOperationException with a message saying what the class lacks
     */
    public static Repair instantiate(Class<? extends Repair> type) throws ReflectiveOperationException {
        Constructor<? extends Repair> constructor;
        try {
            constructor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new NoSuchMethodException("repair " + type.getName() + " needs a constructor without parameters");
        }
        constructor.setAccessible(true);
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new InstantiationException("constructor of repair " + type.getName() + " threw "
                + Failures.describe(e.getCause()));
        }
    }

    private static Throwable unwrap(Throwable thrown) {
        return thrown instanceof InvocationTargetException target && target.getCause() != null ? target.getCause() : thrown;
    }

    private static final class Context implements RepairContext {

        private final RepairRequest request;
        private final Instant deadline;
        private final System.Logger log;

        Context(RepairRequest request, Instant deadline, System.Logger log) {
            this.request = request;
            this.deadline = deadline;
            this.log = log;
        }

        @Override
        public CheckId check() {
            return request.check();
        }

        @Override
        public String failureMessage() {
            return request.failureMessage();
        }

        @Override
        public Optional<Throwable> failure() {
            return request.failure();
        }

        @Override
        public Settings settings() {
            return request.settings();
        }

        @Override
        public Path stateDirectory() {
            try {
                return Files.createDirectories(request.stateDirectory());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot create the package's state directory "
                    + request.stateDirectory(), e);
            }
        }

        @Override
        public Instant deadline() {
            return deadline;
        }

        @Override
        public System.Logger log() {
            return log;
        }
    }
}
