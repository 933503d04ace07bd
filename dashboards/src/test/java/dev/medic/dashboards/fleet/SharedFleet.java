package dev.medic.dashboards.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one {@link DemoFleet} for the whole test run, started on first use and stopped
 * when JUnit ends (the root store closes what is {@link AutoCloseable}): the fleet takes a few
 * seconds, and every dashboard and alert test reads it without changing it.
 */
public final class SharedFleet implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DemoFleet.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedFleet.class))
            .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class).fleet();
    }

    /** The fleet and its directory, removed when the store closes it. */
    private record Running(DemoFleet fleet, Path dir) implements AutoCloseable {

        static Running start() {
            try {
                Path dir = Files.createTempDirectory("medic-dashboards-");
                return new Running(DemoFleet.start(dir), dir);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the demo fleet: " + e, e);
            }
        }

        @Override
        public void close() throws Exception {
            fleet.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // a temporary directory left behind is not worth failing the build for
            }
        }
    }
}
