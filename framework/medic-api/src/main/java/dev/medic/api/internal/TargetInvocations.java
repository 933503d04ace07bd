package dev.medic.api.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import dev.medic.api.CheckEach;
import dev.medic.api.SettingException;
import dev.medic.api.Settings;
import dev.medic.api.Target;

/**
 * Turns the list setting named by {@link CheckEach} into one invocation per target, each named
 * after its target and given the target's values.
 */
public final class TargetInvocations implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(method -> method.isAnnotationPresent(CheckEach.class)).orElse(false);
    }

    /** A list with no targets (or none selected) is no checks at all, not a failure. */
    @Override
    public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        String key = method.getAnnotation(CheckEach.class).value();
        String methodName = CheckNames.of(context.getRequiredTestClass().getName(), method.getName());
        PackageRuntime runtime = MedicRuntimes.of(context);
        return targets(runtime.settings(Optional.of(methodName)), key).stream()
            .filter(target -> runtime.selects(methodName + "[" + target.name() + "]"))
            .map(Invocation::new);
    }

    /**
     * The enabled targets in a list setting, each over the given settings (without the list itself).
     *
     * @throws SettingException when an entry has no name, or two share one
     */
    public static List<Target> targets(Settings settings, String key) {
        List<Target> targets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        // Without the list itself: n targets would otherwise each carry all n entries.
        Settings shared = settings.without(key);
        for (Settings entry : settings.sections(key)) {
            String name = entry.find("name", String.class).filter(text -> !text.isBlank())
                .orElseThrow(() -> new SettingException("every entry of setting '" + key + "' needs a name; found "
                    + entry.asMap()));
            if (!names.add(name)) {
                throw new SettingException("setting '" + key + "' has two targets named '" + name + "'; names must be unique");
            }
            if (entry.find("enabled", Boolean.class).orElse(true)) {
                targets.add(new NamedTarget(name, shared.overriddenBy(entry)));
            }
        }
        return targets;
    }

    private record Invocation(Target target) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return target.name();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
                    return parameter.getParameter().getType() == Target.class;
                }

                @Override
                public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
                    return target;
                }
            });
        }
    }

    /** A target: a name and settings. */
    private static final class NamedTarget implements Target {

        private final String name;
        private final Settings values;

        NamedTarget(String name, Settings values) {
            this.name = name;
            this.values = values;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public java.util.Set<String> keys() {
            return values.keys();
        }

        @Override
        public boolean has(String key) {
            return values.has(key);
        }

        @Override
        public <T> Optional<T> find(String key, Class<T> type) {
            return values.find(key, type);
        }

        @Override
        public <T> T get(String key, Class<T> type) {
            try {
                return values.get(key, type);
            } catch (SettingException e) {
                throw new SettingException("target '" + name + "': " + e.getMessage());
            }
        }

        @Override
        public List<String> getList(String key) {
            return values.getList(key);
        }

        @Override
        public Settings section(String key) {
            return values.section(key);
        }

        @Override
        public List<Settings> sections(String key) {
            return values.sections(key);
        }

        @Override
        public Settings overriddenBy(Settings other) {
            return values.overriddenBy(other);
        }

        @Override
        public Settings without(String key) {
            return values.without(key);
        }

        @Override
        public Map<String, Object> asMap() {
            return values.asMap();
        }

        @Override
        public String toString() {
            return "Target " + name;
        }
    }
}
