package dev.medic.store.sqlite.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps SQLite's native library in Medic's cache directory, so that a start does not extract it
 * to a temporary file (and run {@code uname} to pick it) every time.
 *
 * <p>Only active when the launcher sets {@value #CACHE_PROPERTY}; otherwise, and whenever the
 * cache cannot be used, sqlite-jdbc loads its library the usual way.
 */
public final class NativeLibraryCache {

    /** The system property naming Medic's cache directory; {@code bin/medic} sets it. */
    public static final String CACHE_PROPERTY = "medic.cache.dir";

    private static final System.Logger LOG = System.getLogger(NativeLibraryCache.class.getName());

    private NativeLibraryCache() {
    }

    /** Points sqlite-jdbc at the cached library, or loads it the usual way and fills the cache. */
    public static synchronized void prepare() {
        String cache = System.getProperty(CACHE_PROPERTY);
        if (cache == null || cache.isBlank() || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        Path folder = Path.of(cache, ("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + System.getProperty("os.name")
            + "-" + System.getProperty("os.arch")).replaceAll("[^A-Za-z0-9._-]", "_"));
        Path library = folder.resolve(name);
        if (Files.isRegularFile(library)) {
            System.setProperty("org.sqlite.lib.path", folder.toString());
            System.setProperty("org.sqlite.lib.name", name);
            return;
        }
        try {
            SQLiteJDBCLoader.initialize();
            String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
            try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return;
                }
                Files.createDirectories(folder);
                Path partial = Files.createTempFile(folder, name, ".part");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "SQLite's native library is not cached: " + e);
        }
    }
}
