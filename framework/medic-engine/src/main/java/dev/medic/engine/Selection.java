package dev.medic.engine;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.medic.api.CheckId;

/**
 * Which checks a command works on: all, one package, or checks whose name matches a pattern.
 *
 * <p>A check pattern matches a check's full name or its method name, and {@code *} stands for any
 * characters: {@code DemoChecks.*}, {@code *.answersOnItsPort}.
 *
 * @param packageId the package, or empty for all packages
 * @param check     the check pattern, or empty for all checks
 */
public record Selection(Optional<String> packageId, Optional<String> check) {

    /** Every check of every package. */
    public static Selection all() {
        return new Selection(Optional.empty(), Optional.empty());
    }

    /** A selection from optional command-line values. */
    public static Selection of(String packageId, String check) {
        return new Selection(Optional.ofNullable(packageId), Optional.ofNullable(check));
    }

    /** True when the package is selected. */
    public boolean includesPackage(String id) {
        return packageId.map(id::equals).orElse(true);
    }

    /** True when the check is selected. */
    public boolean includes(CheckId id) {
        if (!includesPackage(id.packageId())) {
            return false;
        }
        if (check.isEmpty()) {
            return true;
        }
        Pattern pattern = glob(check.get());
        return pattern.matcher(id.name()).matches() || pattern.matcher(id.methodName()).matches();
    }

    /**
     * True when a check method may have selected checks: the pattern matches the method's name,
     * or names one of its invocations ({@code HttpChecks.answers[web]} for {@code HttpChecks.answers}).
     */
    public boolean mayInclude(CheckId method) {
        if (includes(method)) {
            return true;
        }
        if (!includesPackage(method.packageId()) || check.isEmpty()) {
            return false;
        }
        int bracket = check.get().indexOf('[');
        return bracket > 0 && glob(check.get().substring(0, bracket)).matcher(method.name()).matches();
    }

    private static Pattern glob(String text) {
        return Pattern.compile(Arrays.stream(text.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
    }
}
