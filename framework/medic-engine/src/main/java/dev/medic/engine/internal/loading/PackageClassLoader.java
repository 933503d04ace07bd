package dev.medic.engine.internal.loading;

import java.util.List;

import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A package's own class loader: its classes and libraries first, so that two packages can use
 * different versions of one library, but Medic's API and JUnit always from the runner, so that
 * the runner recognises the package's checks, repairs and assertion failures.
 */
final class PackageClassLoader extends PluginClassLoader {

    /** Packages that every package shares with the runner, whatever it bundles. */
    static final List<String> SHARED_PREFIXES = List.of(
        "dev.medic.api.", "org.junit.", "org.opentest4j.", "org.apiguardian.", "org.jspecify.");

    static {
        registerAsParallelCapable();
    }

    PackageClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        if (super.shouldDelegateToParent(className)) {
            return true;
        }
        for (String prefix : SHARED_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
