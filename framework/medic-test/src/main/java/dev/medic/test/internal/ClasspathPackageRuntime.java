package dev.medic.test.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import dev.medic.api.Settings;
import dev.medic.api.internal.PackageRuntime;
import dev.medic.config.ConfigProblems;
import dev.medic.engine.internal.loading.PackageDescriptor;

/**
 * Gives checks run as plain JUnit tests (in an IDE, under {@code mvn test}) the settings their
 * package declares in {@code medic-package.yml}. Found by the {@code MedicExtension} through
 * {@link java.util.ServiceLoader} when medic-test is on the test class path.
 */
public final class ClasspathPackageRuntime implements PackageRuntime {

    private final Settings defaults;

    public ClasspathPackageRuntime() {
        this.defaults = read();
    }

    private static Settings read() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = loader == null ? null : loader.getResource(PackageDescriptor.FILE);
        if (url == null) {
            return Settings.empty();
        }
        try (InputStream in = url.openStream()) {
            ConfigProblems problems = new ConfigProblems();
            PackageDescriptor descriptor = PackageDescriptor.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                url.toString(), problems);
            problems.throwIfAny();
            return descriptor.defaultSettings();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + url, e);
        }
    }

    @Override
    public Settings settings(Optional<String> checkName) {
        return defaults;
    }

    @Override
    public Optional<Duration> timeout(Optional<String> checkName) {
        return Optional.empty();
    }
}
