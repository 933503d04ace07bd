package dev.medic.packages.network.internal;

import java.io.IOException;
import java.util.List;

import dev.medic.api.Measurements;
import dev.medic.api.Target;

/** A TCP port is open when a connection to it is accepted within the timeout; nothing is sent. */
public final class TcpPortCheck {

    private TcpPortCheck() {
    }

    public static void run(Target target, Measurements measurements) throws IOException, InterruptedException {
        TargetOptions options = TargetOptions.read(target, "tcp", List.of("port"));
        int port = options.port(target.find("port", Integer.class)
            .orElseThrow(() -> options.problem("needs a 'port'")));
        Connection connection = Connection.open(options, port);
        connection.socket().close();
        Metrics.of(measurements, options.name(), "tcp").record(Metrics.CONNECT_MS, connection.connectMillis());
    }
}
