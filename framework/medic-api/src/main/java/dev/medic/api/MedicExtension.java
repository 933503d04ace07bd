package dev.medic.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import dev.medic.api.internal.CheckNames;
import dev.medic.api.internal.InvocationWatchdog;
import dev.medic.api.internal.MeasurementEntries;
import dev.medic.api.internal.PackageRuntime;
import dev.medic.api.internal.MedicRuntimes;

/**
 * The JUnit extension that connects checks to Medic: it injects {@link Setting} values,
 * {@link Settings} and {@link Measurements}, and enforces the configured check timeouts.
 *
 * <p>{@link Check} and {@link Stats} register it. Under the {@code medic} runner it is registered
 * for every test in a package, so a plain {@code @ParameterizedTest} check gets its settings too;
 * to run such a check in an IDE, add {@code @ExtendWith(MedicExtension.class)} to its class.
 * Outside the runner, settings come from the package's {@code medic-package.yml} when medic-test
 * is on the test class path, and from JUnit configuration parameters named
 * {@code medic.setting.KEY}.
 */
public final class MedicExtension implements ParameterResolver, InvocationInterceptor {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        return parameter.isAnnotationPresent(Setting.class)
            || parameter.getType() == Measurements.class
            || parameter.getType() == Settings.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        if (parameter.getType() == Measurements.class) {
            return (Measurements) (name, value, tags) ->
                extensionContext.publishReportEntry(MeasurementEntries.encode(name, value, Map.copyOf(tags)));
        }
        Settings settings = runtime(extensionContext).settings(checkName(extensionContext));
        Optional<Setting> setting = parameterContext.findAnnotation(Setting.class);
        if (setting.isEmpty()) {
            return settings;
        }
        String key = setting.get().value();
        try {
            if (parameter.getType() == Optional.class) {
                return settings.find(key, optionalElementType(parameter));
            }
            return settings.get(key, parameter.getType());
        } catch (SettingException e) {
            throw new ParameterResolutionException(e.getMessage() + " (parameter '" + parameter.getName()
                + "' of " + parameterContext.getDeclaringExecutable().getName() + ")", e);
        }
    }

    @Override
    public <T> T interceptTestClassConstructor(Invocation<T> invocation,
            ReflectiveInvocationContext<Constructor<T>> invocationContext, ExtensionContext extensionContext)
            throws Throwable {
        return withinTimeout(invocation, extensionContext, "constructor");
    }

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        withinTimeout(invocation, extensionContext, "@BeforeAll " + invocationContext.getExecutable().getName());
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        withinTimeout(invocation, extensionContext, "@BeforeEach " + invocationContext.getExecutable().getName());
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        withinTimeout(invocation, extensionContext, "check");
    }

    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        return withinTimeout(invocation, extensionContext, "check factory");
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        withinTimeout(invocation, extensionContext, "check");
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        withinTimeout(invocation, extensionContext, "check");
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        withinTimeout(invocation, extensionContext, "@AfterEach " + invocationContext.getExecutable().getName());
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        withinTimeout(invocation, extensionContext, "@AfterAll " + invocationContext.getExecutable().getName());
    }

    private static <T> T withinTimeout(Invocation<T> invocation, ExtensionContext context, String what)
            throws Throwable {
        Optional<Duration> timeout = runtime(context).timeout(checkName(context));
        if (timeout.isEmpty()) {
            return invocation.proceed();
        }
        return InvocationWatchdog.proceed(invocation, timeout.get(), what);
    }

    private static PackageRuntime runtime(ExtensionContext context) {
        return MedicRuntimes.of(context);
    }

    private static Optional<String> checkName(ExtensionContext context) {
        return context.getTestMethod()
            .map(method -> CheckNames.of(context.getRequiredTestClass().getName(), method.getName()));
    }

    private static Class<?> optionalElementType(Parameter parameter) {
        Type type = parameter.getParameterizedType();
        if (type instanceof ParameterizedType generic && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return String.class;
    }
}
