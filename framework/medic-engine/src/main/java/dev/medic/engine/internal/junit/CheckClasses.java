package dev.medic.engine.internal.junit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The classes of a loaded package that hold checks or stats, as a full discovery found them.
 * Later runs select these classes instead of scanning the package's archive again: the daemon
 * runs a package every few seconds, and the scan would be a good part of each run.
 *
 * <p>Kept per class loader, that is per loaded package: a reload loads packages anew, with new
 * loaders, and the old entries go with the old loaders.
 */
final class CheckClasses {

    private static final Map<ClassLoader, List<String>> KNOWN = new WeakHashMap<>();

    private CheckClasses() {
    }

    /** Remembers the top-level classes of a full, unfiltered discovery. */
    static void remember(ClassLoader loader, TestPlan plan) {
        List<String> classes = plan.getRoots().stream().flatMap(root -> plan.getChildren(root).stream())
            .map(TestIdentifier::getSource).flatMap(Optional::stream)
            .filter(ClassSource.class::isInstance).map(source -> ((ClassSource) source).getClassName())
            .distinct().toList();
        synchronized (KNOWN) {
            KNOWN.put(loader, classes);
        }
    }

    /** The classes found before for this package, if a full discovery ran. */
    static Optional<List<String>> known(ClassLoader loader) {
        synchronized (KNOWN) {
            return Optional.ofNullable(KNOWN.get(loader));
        }
    }
}
