package dev.medic.engine.internal.junit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.SelectorResolutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;

import dev.medic.api.CheckId;
import dev.medic.api.Stats;
import dev.medic.api.internal.CheckNames;
import dev.medic.api.internal.PackageRuntime;
import dev.medic.api.internal.RunnerBridge;
import dev.medic.engine.internal.loading.LoadedPackage;

/**
 * Runs a package's checks, stats or a single retest through the JUnit Platform Launcher, inside
 * the package's class loader, on a worker thread with a time bound.
 *
 * <p>Each check invocation is bounded by the extension's watchdog; the bound here catches what
 * no invocation covers, such as a static initializer that never returns. When it runs out, the
 * request is cancelled, then abandoned, and every check that did not finish is reported failed.
 */
public final class PackageRunner {

    /** Which methods of a package a request runs. */
    public enum Phase {
        /** Checks only. */
        CHECKS,
        /** Stats methods only. */
        STATS
    }

    private static final Duration DISCOVERY_BOUND = Duration.ofSeconds(60);
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(2);
    private static final Duration BOUND_MARGIN = Duration.ofSeconds(10);

    private final Clock clock;

    public PackageRunner(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs the checks (or stats) of a package that a predicate accepts.
     *
     * @param include   decides by method-level check name which checks run
     * @param perCheck  the longest any one check may take, to size the request's bound
     */
    public Batch run(LoadedPackage pkg, PackageRuntime runtime, Phase phase, Predicate<CheckId> include,
            Duration perCheck) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        Optional<List<String>> known = CheckClasses.known(pkg.classLoader());
        if (known.isPresent()) {
            known.get().forEach(name -> selectors.add(DiscoverySelectors.selectClass(pkg.classLoader(), name)));
        } else {
            pkg.classpathRoots().forEach(root -> selectors.add(DiscoverySelectors.selectClasspathRoots(Set.of(root)).get(0)));
        }
        Filter<?> tags = phase == Phase.STATS ? TagFilter.includeTags(Stats.TAG) : TagFilter.excludeTags(Stats.TAG);
        PostDiscoveryFilter selected = descriptor -> {
            if (descriptor.getSource().orElse(null) instanceof MethodSource source) {
                CheckId id = new CheckId(pkg.id(), CheckNames.of(source.getClassName(), source.getMethodName()));
                return FilterResult.includedIf(include.test(id), () -> "selected", () -> "not selected");
            }
            return FilterResult.included("container");
        };
        return execute(pkg, runtime, selectors, List.of(tags, selected),
            plan -> perCheck.multipliedBy(countPlanned(plan) + 1L).plus(BOUND_MARGIN));
    }

    /**
     * Runs one built-in passing check, which loads and initialises most of what a run needs, so
     * that a command line can do it on another core while it parses its arguments.
     */
    public static void warmUp() {
        try (LauncherSession session = Launchers.open()) {
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(WarmUpCheck.class))
                .enableImplicitConfigurationParameters(false)
                .build());
            new org.pf4j.DefaultVersionManager();
            new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                new org.yaml.snakeyaml.LoaderOptions()));
        } catch (RuntimeException | LinkageError e) {
            // the run itself reports whatever fails here
        }
    }

    /** Runs exactly these checks (single invocations of them) again, in one launcher request. */
    public Batch retest(LoadedPackage pkg, PackageRuntime runtime, List<String> uniqueIds, Duration perCheck) {
        List<DiscoverySelector> selectors = uniqueIds.stream().<DiscoverySelector>map(DiscoverySelectors::selectUniqueId).toList();
        return execute(pkg, runtime, selectors, List.of(),
            plan -> perCheck.multipliedBy(uniqueIds.size()).plus(BOUND_MARGIN));
    }

    /** Discovers every check and stats method of a package without running anything. */
    public Optional<TestPlan> discover(LoadedPackage pkg, PackageRuntime runtime, List<String> problems) {
        String token = RunnerBridge.register(runtime);
        try {
            List<DiscoverySelector> selectors = new ArrayList<>();
            pkg.classpathRoots().forEach(root -> selectors.add(DiscoverySelectors.selectClasspathRoots(Set.of(root)).get(0)));
            LauncherDiscoveryRequest request = request(selectors, List.of(), token, problems);
            AtomicReference<TestPlan> plan = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread worker = worker(pkg, "discover", () -> {
                try (LauncherSession session = Launchers.open()) {
                    plan.set(session.getLauncher().discover(request));
                }
            }, failure);
            worker.start();
            worker.join(DISCOVERY_BOUND.toMillis());
            if (worker.isAlive()) {
                worker.interrupt();
                problems.add("discovering checks did not finish within " + DISCOVERY_BOUND.toSeconds() + "s");
                return Optional.empty();
            }
            if (failure.get() != null) {
                problems.add("discovering checks failed: " + Failures.describe(failure.get()));
                return Optional.empty();
            }
            if (plan.get() != null && problems.isEmpty()) {
                CheckClasses.remember(pkg.classLoader(), plan.get());
            }
            return Optional.ofNullable(plan.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            RunnerBridge.unregister(token);
        }
    }

    private Batch execute(LoadedPackage pkg, PackageRuntime runtime, List<DiscoverySelector> selectors,
            List<Filter<?>> filters, java.util.function.Function<TestPlan, Duration> executionBound) {
        String token = RunnerBridge.register(runtime);
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        ExecutionCollector collector = new ExecutionCollector(pkg.id(), clock);
        CancellationToken cancellation = CancellationToken.create();
        AtomicReference<TestPlan> plan = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch discovered = new CountDownLatch(1);
        CheckOutput.silence();
        try {
            LauncherDiscoveryRequest request = request(selectors, filters, token, problems);
            Thread worker = worker(pkg, "run", () -> {
                try (LauncherSession session = Launchers.open()) {
                    Launcher launcher = session.getLauncher();
                    try {
                        plan.set(launcher.discover(request));
                    } finally {
                        discovered.countDown();
                    }
                    launcher.execute(LauncherExecutionRequestBuilder.request(plan.get())
                        .listeners(collector).cancellationToken(cancellation).build());
                }
            }, failure);
            worker.start();
            if (!discovered.await(DISCOVERY_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                worker.interrupt();
                problems.add("discovering checks did not finish within " + DISCOVERY_BOUND.toSeconds()
                    + "s (a static initializer that never returns?)");
                return new Batch(List.of(), List.of(), problems);
            }
            if (plan.get() == null) {
                problems.add("discovering checks failed: "
                    + (failure.get() == null ? "no test plan" : Failures.describe(failure.get())));
                return new Batch(List.of(), List.of(), problems);
            }
            Duration bound = executionBound.apply(plan.get());
            worker.join(bound.toMillis());
            String notRun = "did not run";
            if (worker.isAlive()) {
                cancellation.cancel();
                worker.join(CANCEL_GRACE.toMillis());
                worker.interrupt();
                notRun = "did not finish: the package's checks exceeded their time bound of " + bound.toSeconds()
                    + "s and were stopped";
                problems.add(notRun);
            } else if (failure.get() != null) {
                notRun = "did not run: " + Failures.describe(failure.get());
                problems.add(notRun);
            }
            collector.completeFrom(plan.get(), notRun);
            return new Batch(collector.executions(), collector.measurements(), problems);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
            return new Batch(collector.executions(), collector.measurements(), List.of("interrupted"));
        } finally {
            CheckOutput.restore();
            RunnerBridge.unregister(token);
        }
    }

    private static Thread worker(LoadedPackage pkg, String what, Runnable body, AtomicReference<Throwable> failure) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "medic-" + what + "-" + pkg.id());
        thread.setDaemon(true);
        thread.setContextClassLoader(pkg.classLoader());
        return thread;
    }

    private static long countPlanned(TestPlan plan) {
        long count = 0;
        for (var root : plan.getRoots()) {
            count += plan.getDescendants(root).stream().filter(id -> id.isTest() || id.isContainer()
                && id.getSource().orElse(null) instanceof MethodSource).count();
        }
        return count;
    }

    private static LauncherDiscoveryRequest request(List<DiscoverySelector> selectors, List<Filter<?>> filters,
            String token, List<String> problems) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(RunnerBridge.TOKEN_PARAMETER, token);
        parameters.put("junit.jupiter.extensions.autodetection.enabled", "true");
        parameters.put("junit.jupiter.extensions.autodetection.include", "dev.medic.api.MedicExtension");
        parameters.put("junit.platform.output.capture.stdout", "true");
        parameters.put("junit.platform.output.capture.stderr", "true");
        parameters.put("junit.platform.discovery.listener.default", "logging");
        return LauncherDiscoveryRequestBuilder.request()
            .selectors(selectors)
            .filters(filters.toArray(Filter<?>[]::new))
            .configurationParameters(parameters)
            .enableImplicitConfigurationParameters(false)
            .listeners(new LauncherDiscoveryListener() {
                @Override
                public void selectorProcessed(UniqueId engineId, DiscoverySelector selector, SelectorResolutionResult result) {
                    if (result.getStatus() == SelectorResolutionResult.Status.FAILED) {
                        problems.add("cannot discover " + selector + ": "
                            + result.getThrowable().map(Failures::describe).orElse("unknown reason"));
                    }
                }

                @Override
                public void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
                    if (issue.severity() != DiscoveryIssue.Severity.INFO) {
                        problems.add(issue.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + issue.message());
                    }
                }
            })
            .build();
    }
}
