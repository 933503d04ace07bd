package dev.medic.packages.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.medic.engine.Measurement;
import dev.medic.test.PackageTestKit;
import dev.medic.test.TestRun;

/** The system package under the real engine, as the tests drive it. */
final class SystemPackage {

    private SystemPackage() {
    }

    /** The package with its declared defaults. */
    static PackageTestKit kit() {
        return PackageTestKit.forPackageOf(DiskChecks.class).id("system");
    }

    /** A target entry: a name and its keys, in the order given. */
    static Map<String, Object> target(String name, Object... keysAndValues) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("name", name);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            target.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return target;
    }

    /** One list setting holding these targets. */
    static PackageTestKit withTargets(String list, Map<?, ?>... targets) {
        return kit().setting(list, List.of(targets));
    }

    /** The measurements of one name and target. */
    static List<Double> measured(TestRun run, String name, String target) {
        return run.measurements().stream()
            .filter(measurement -> measurement.name().equals(name) && target.equals(measurement.tags().get("target")))
            .map(Measurement::value).toList();
    }
}
