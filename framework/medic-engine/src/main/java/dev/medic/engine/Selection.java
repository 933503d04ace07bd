package dev.medic.engine;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.medic.api.CheckId;

/**
 * Which checks a command works on: all, one package, checks whose name matches a pattern, or an
 * exact set of checks (what the daemon runs when they are due).
 *
 * <p>A check pattern matches a check's full name or its method name, and {@code *} stands for any
 * characters: {@code DemoChecks.*}, {@code *.answersOnItsPort}. An exact set names checks by their
 * full or method-level name; a method-level name selects every invocation of the method.
 *
 * @param packageId the package, or empty for all packages
 * @param check     the check pattern, or empty for all checks
 * @param exactly   an exact set of checks, or empty for no such restriction
 */
public record Selection(Optional<String> packageId, Optional<String> check, Set<CheckId> exactly) {

    public Selection {
        exactly = Set.copyOf(exactly);
    }

    /** Every check of every package. */
    public static Selection all() {
        return new Selection(Optional.empty(), Optional.empty(), Set.of());
    }

    /** A selection from optional command-line values. */
    public static Selection of(String packageId, String check) {
        return new Selection(Optional.ofNullable(packageId), Optional.ofNullable(check), Set.of());
    }

    /** Exactly these checks. */
    public static Selection ofChecks(Collection<CheckId> checks) {
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("an exact selection needs at least one check");
        }
        return new Selection(Optional.empty(), Optional.empty(), Set.copyOf(checks));
    }

    /** True when the package is selected. */
    public boolean includesPackage(String id) {
        if (!exactly.isEmpty()) {
            return exactly.stream().anyMatch(check -> check.packageId().equals(id));
        }
        return packageId.map(id::equals).orElse(true);
    }

    /** True when the check is selected. */
    public boolean includes(CheckId id) {
        if (!exactly.isEmpty()) {
            return exactly.contains(id) || exactly.contains(new CheckId(id.packageId(), id.methodName()));
        }
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
        if (!exactly.isEmpty()) {
            return exactly.stream().anyMatch(check -> check.packageId().equals(method.packageId())
                && check.methodName().equals(method.name()));
        }
        if (includes(method)) {
            return true;
        }
        if (!includesPackage(method.packageId()) || check.isEmpty()) {
            return false;
        }
        int bracket = check.get().indexOf('[');
        return bracket > 0 && glob(check.get().substring(0, bracket)).matcher(method.name()).matches();
    }

    /** True when nothing narrows the checks below whole packages. */
    public boolean coversWholePackages() {
        return check.isEmpty() && exactly.isEmpty();
    }

    private static Pattern glob(String text) {
        return Pattern.compile(Arrays.stream(text.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
    }
}
