package dev.medic.packages.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.medic.engine.Measurement;
import dev.medic.test.PackageTestKit;
import dev.medic.test.TestRun;

/** Runs the network package through the real engine, as {@code medic run} would. */
final class NetworkKit {

    private NetworkKit() {
    }

    /** The package under test, with the id it has when installed. */
    static PackageTestKit network() {
        return PackageTestKit.forPackageOf(NetworkChecks.class).id("network");
    }

    /** A target entry, as written in YAML: {@code target("name", "mail", "host", "127.0.0.1")}. */
    static Map<String, Object> target(Object... keysAndValues) {
        Map<String, Object> target = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            target.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return target;
    }

    /** Runs the targets of one list (such as {@code smtp}) as {@code medic run --check NetworkChecks.smtp}. */
    @SafeVarargs
    static TestRun runTargets(String list, Map<String, Object>... targets) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Map<String, Object> target : targets) {
            entries.add(target);
        }
        return network().setting(list, entries).run("NetworkChecks." + list);
    }

    /** The measurements of a name recorded for a target. */
    static List<Measurement> measured(TestRun run, String name, String target) {
        return run.measurements().stream()
            .filter(measurement -> measurement.name().equals(name) && target.equals(measurement.tags().get("target")))
            .toList();
    }
}
