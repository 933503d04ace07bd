package dev.medic.packages.http;

import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import dev.medic.engine.Measurement;
import dev.medic.test.PackageTestKit;
import dev.medic.test.TestRun;

/** Runs the http package's checks through the real engine, as {@code medic check} would. */
final class HttpPackage {

    private HttpPackage() {
    }

    /** A target entry: a name, a url, then keys and values in pairs. */
    static Map<String, Object> target(String name, String url, Object... keysAndValues) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("name", name);
        target.put("url", url);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            target.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return target;
    }

    /** The kit for the http package with these targets. */
    @SafeVarargs
    static PackageTestKit kit(Map<String, Object>... targets) {
        return PackageTestKit.forPackageOf(HttpChecks.class).id("http").setting("targets", Arrays.stream(targets).toList());
    }

    /** {@code medic check} with these targets: no repairs. */
    @SafeVarargs
    static TestRun check(Map<String, Object>... targets) {
        return kit(targets).check();
    }

    /** The check name of a target. */
    static String checkOf(String target) {
        return "HttpChecks.answers[" + target + "]";
    }

    /** The failure text recorded for a target. */
    static String message(TestRun run, String target) {
        return run.check(checkOf(target)).message();
    }

    /** The value of a measurement recorded for a target, if any. */
    static Optional<Double> measured(TestRun run, String name, String target) {
        return run.measurements().stream()
            .filter(measurement -> measurement.name().equals(name) && target.equals(measurement.tags().get("target")))
            .map(Measurement::value).findFirst();
    }
}
