package dev.medic.packages.system.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.medic.api.Settings;

/**
 * The targets of a list setting, as stats methods see them: the same entries, enabled flags and
 * overrides that {@code @CheckEach} gives the checks. Entries without a name or with a name seen
 * before are left out here; the check of the same list reports them.
 */
public final class Targets {

    /** One target: its name and its values over the package's settings. */
    public record Entry(String name, Settings settings) {
    }

    private Targets() {
    }

    public static List<Entry> of(Settings settings, String key) {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Settings shared = settings.without(key);
        for (Settings entry : settings.sections(key)) {
            String name = entry.find("name", String.class).orElse("");
            if (name.isBlank() || !names.add(name) || !entry.find("enabled", Boolean.class).orElse(true)) {
                continue;
            }
            entries.add(new Entry(name, shared.overriddenBy(entry)));
        }
        return entries;
    }

    /**
     * Runs a stats action for every target, going on past a target whose value cannot be read: a
     * stats method that throws loses all its measurements, and the check of that same target
     * already reports what is wrong with it.
     */
    public static void measureEach(Settings settings, String key, Measure action) {
        for (Entry entry : of(settings, key)) {
            try {
                action.measure(entry);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception unreadable) {
                // reported by the target's check
            }
        }
    }

    /** Records the measurements of one target. */
    @FunctionalInterface
    public interface Measure {
        void measure(Entry target) throws Exception;
    }
}
