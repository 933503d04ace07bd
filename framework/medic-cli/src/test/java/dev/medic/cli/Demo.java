package dev.medic.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real demo package installed into a test's directory, watching a service on a free loopback
 * port. Its repair starts the service as a real process; {@link #close()} stops it.
 *
 * <p>Layout under the directory: {@code packages/} holds the demo archive, and the configuration
 * is expected to use {@code state-dir: state}, where the repair keeps the service's pid file.
 */
final class Demo implements AutoCloseable {

    private final Path stateDir;
    private final int port;

    private Demo(Path stateDir, int port) {
        this.stateDir = stateDir;
        this.port = port;
    }

    /** The demo of a configuration whose state directory is {@code stateDir}, on {@code port}. */
    static Demo at(Path stateDir, int port) {
        return new Demo(stateDir, port);
    }

    /** Copies the demo archive the reactor built into {@code dir/packages} and picks a free port. */
    static Demo installIn(Path dir) throws IOException {
        Path built = Path.of(System.getProperty("medic.demo.packages", "../../examples/packages"));
        Path jar;
        try (Stream<Path> files = Files.list(built)) {
            jar = files.filter(file -> file.getFileName().toString().startsWith("demo-service-")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo package in " + built + "; build with ./mvnw verify"));
        }
        Path packages = Files.createDirectories(dir.resolve("packages"));
        Files.copy(jar, packages.resolve(jar.getFileName()));
        return new Demo(dir.resolve("state"), freePort());
    }

    int port() {
        return port;
    }

    /** The running service's process, from the pid file its repair wrote. */
    Optional<ProcessHandle> service() throws IOException {
        Path pidFile = stateDir.resolve("package-data/demo-service/demo-service.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).filter(ProcessHandle::isAlive);
    }

    /** Stops the service, as an outage would, and waits until it is gone. */
    void stopService() throws IOException {
        service().ifPresent(process -> {
            process.destroy();
            process.onExit().join();
        });
    }

    /** Whether something accepts connections on the demo's port. */
    boolean answers() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        stopService();
    }
}
