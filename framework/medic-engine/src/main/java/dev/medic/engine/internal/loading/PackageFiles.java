package dev.medic.engine.internal.loading;

import java.io.File;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.pf4j.BasePluginRepository;

/**
 * The package archives in the packages directory: regular {@code .jar} and {@code .zip} files,
 * in name order. Hidden files and an installer's temporary files are ignored.
 */
final class PackageFiles extends BasePluginRepository {

    PackageFiles(List<Path> roots) {
        super(roots, PackageFiles::isPackageArchive);
        setComparator(Comparator.comparing(File::getName));
    }

    static boolean isPackageArchive(File file) {
        String name = file.getName().toLowerCase(Locale.ROOT);
        return file.isFile() && !name.startsWith(".") && (name.endsWith(".jar") || name.endsWith(".zip"));
    }

    @Override
    public boolean deletePluginPath(Path pluginPath) {
        // Medic removes packages through 'medic package remove', never as a side effect of loading.
        return false;
    }
}
