package dev.medic.engine.internal.junit;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import dev.medic.api.CheckId;
import dev.medic.api.internal.MeasurementEntries;
import dev.medic.engine.internal.junit.CheckExecution.Status;

/**
 * Listens to one launcher request and turns what JUnit reports into check executions and
 * measurements. A check that never got to run because its class failed ({@code @BeforeAll},
 * a static initializer) or the request was stopped still gets an execution, with the reason.
 */
final class ExecutionCollector implements TestExecutionListener {

    private final String packageId;
    private final Clock clock;
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final Map<String, CheckExecution> executions = new ConcurrentHashMap<>();
    private final List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> containerFailures = new ConcurrentHashMap<>();
    private final Map<String, Throwable> containerThrowables = new ConcurrentHashMap<>();
    private final List<Measured> measurements = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Method containers that ran to the end; a {@code @CheckEach} with an empty list ran, checking nothing. */
    private final java.util.Set<String> finishedMethods = ConcurrentHashMap.newKeySet();
    private volatile TestPlan plan;

    ExecutionCollector(String packageId, Clock clock) {
        this.packageId = packageId;
        this.clock = clock;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        started.put(identifier.getUniqueId(), clock.instant());
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        if (identifier.isTest()) {
            Instant now = clock.instant();
            add(identifier, Status.SKIPPED, Optional.empty(), "disabled: " + reason, now, now);
        } else {
            containerFailures.put(identifier.getUniqueId(), "skipped: " + reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        Instant end = clock.instant();
        Instant start = started.getOrDefault(identifier.getUniqueId(), end);
        Optional<Throwable> throwable = result.getThrowable();
        String message = throwable.map(Failures::describe).orElse("");
        Status status = switch (result.getStatus()) {
            case SUCCESSFUL -> Status.PASSED;
            case ABORTED -> Status.SKIPPED;
            case FAILED -> Status.FAILED;
        };
        if (isMethodContainer(identifier)) {
            finishedMethods.add(identifier.getUniqueId());
        }
        if (identifier.isTest()) {
            add(identifier, status, throwable, status == Status.SKIPPED ? "not applicable: " + message : message, start, end);
        } else if (status == Status.FAILED && isMethodContainer(identifier)) {
            // A parameterized or factory method that failed as a whole is a failing check itself.
            add(identifier, status, throwable, message, start, end);
        } else if (status != Status.PASSED) {
            containerFailures.put(identifier.getUniqueId(),
                (status == Status.SKIPPED ? "not applicable: " : "") + where(identifier) + message);
            throwable.ifPresent(t -> containerThrowables.put(identifier.getUniqueId(), t));
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
        MeasurementEntries.decode(entry.getKeyValuePairs()).ifPresent(decoded -> {
            String source = checkId(identifier).map(CheckId::name).orElse(identifier.getDisplayName());
            measurements.add(new Measured(source, decoded, clock.instant()));
        });
    }

    /**
     * Gives every planned check that has no execution one, failed with the reason it did not run.
     *
     * @param notRunReason why checks without a result did not run, when no failed ancestor explains it
     */
    void completeFrom(TestPlan discovered, String notRunReason) {
        TestPlan current = plan != null ? plan : discovered;
        for (TestIdentifier root : current.getRoots()) {
            for (TestIdentifier identifier : current.getDescendants(root)) {
                boolean planned = identifier.isTest() || isMethodContainer(identifier);
                if (!planned || executions.containsKey(identifier.getUniqueId()) || finishedMethods.contains(identifier.getUniqueId())
                        || hasExecutedDescendant(current, identifier)) {
                    continue;
                }
                String reason = failedAncestor(current, identifier).orElse(notRunReason);
                Optional<Throwable> cause = ancestorThrowable(current, identifier);
                Status status = reason.startsWith("skipped") || reason.startsWith("not applicable") ? Status.SKIPPED : Status.FAILED;
                Instant now = clock.instant();
                addFrom(current, identifier, status, cause, reason, now, now);
            }
        }
    }

    List<CheckExecution> executions() {
        List<CheckExecution> list = new ArrayList<>();
        synchronized (order) {
            for (String uniqueId : order) {
                list.add(executions.get(uniqueId));
            }
        }
        return list;
    }

    List<Measured> measurements() {
        synchronized (measurements) {
            return List.copyOf(measurements);
        }
    }

    private void add(TestIdentifier identifier, Status status, Optional<Throwable> failure, String message,
            Instant start, Instant end) {
        addFrom(plan, identifier, status, failure, message, start, end);
    }

    private void addFrom(TestPlan testPlan, TestIdentifier identifier, Status status, Optional<Throwable> failure,
            String message, Instant start, Instant end) {
        Optional<CheckId> check = CheckNaming.checkId(packageId, testPlan, identifier);
        if (check.isEmpty()) {
            return;
        }
        Optional<MethodSource> source = CheckNaming.methodSource(testPlan, identifier);
        Optional<Method> method = source.flatMap(ExecutionCollector::javaMethod);
        Optional<Class<?>> testClass = source.flatMap(ExecutionCollector::javaClass);
        CheckExecution execution = new CheckExecution(check.get(), identifier.getUniqueId(), testClass, method, status, failure,
            message, start, Duration.between(start, end));
        if (executions.putIfAbsent(identifier.getUniqueId(), execution) == null) {
            order.add(identifier.getUniqueId());
        }
    }

    private Optional<CheckId> checkId(TestIdentifier identifier) {
        return plan == null ? Optional.empty() : CheckNaming.checkId(packageId, plan, identifier);
    }

    private static Optional<Method> javaMethod(MethodSource source) {
        try {
            return Optional.of(source.getJavaMethod());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Optional<Class<?>> javaClass(MethodSource source) {
        try {
            return Optional.of(source.getJavaClass());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static boolean isMethodContainer(TestIdentifier identifier) {
        return identifier.isContainer() && identifier.getSource().orElse(null) instanceof MethodSource
            && isMethodSegment(identifier.getUniqueIdObject().getLastSegment().getType());
    }

    private static boolean isMethodSegment(String type) {
        return type.equals("test-template") || type.equals("test-factory") || type.equals("method");
    }

    private boolean hasExecutedDescendant(TestPlan testPlan, TestIdentifier identifier) {
        if (!identifier.isContainer()) {
            return false;
        }
        return testPlan.getDescendants(identifier).stream().anyMatch(child -> executions.containsKey(child.getUniqueId()));
    }

    private Optional<String> failedAncestor(TestPlan testPlan, TestIdentifier identifier) {
        TestIdentifier current = testPlan.getParent(identifier).orElse(null);
        while (current != null) {
            String failure = containerFailures.get(current.getUniqueId());
            if (failure != null) {
                return Optional.of(failure);
            }
            current = testPlan.getParent(current).orElse(null);
        }
        return Optional.empty();
    }

    private Optional<Throwable> ancestorThrowable(TestPlan testPlan, TestIdentifier identifier) {
        TestIdentifier current = testPlan.getParent(identifier).orElse(null);
        while (current != null) {
            Throwable throwable = containerThrowables.get(current.getUniqueId());
            if (throwable != null) {
                return Optional.of(throwable);
            }
            current = testPlan.getParent(current).orElse(null);
        }
        return Optional.empty();
    }

    private static String where(TestIdentifier container) {
        String type = container.getUniqueIdObject().getLastSegment().getType();
        if (type.equals("class") || type.equals("nested-class")) {
            return "class " + container.getDisplayName() + " failed: ";
        }
        if (container.getParentIdObject().isEmpty()) {
            return "the package's checks could not run: ";
        }
        return container.getDisplayName() + " failed: ";
    }
}
