package dev.medic.packages.network.internal;

import java.io.IOException;
import java.net.Socket;

import dev.medic.api.Measurements;
import dev.medic.api.Target;

/**
 * Connects to a target and holds the protocol's opening exchange with it; records how long the
 * connect and the exchange took.
 */
public final class GreetingCheck {

    private GreetingCheck() {
    }

    public static void run(GreetingProtocol protocol, Target target, Measurements measurements)
            throws IOException, InterruptedException {
        TargetOptions options = TargetOptions.read(target, protocol.key(), protocol.keys());
        int port = options.port(protocol.usualPort());
        protocol.dialogue().validate(options);
        String who = protocol.key() + " target '" + options.name() + "' (" + Endpoints.of(options.host(), port) + ")";
        Metrics metrics = Metrics.of(measurements, options.name(), protocol.key());
        Connection connection = Connection.open(options, port);
        try (Socket socket = connection.socket()) {
            metrics.record(Metrics.CONNECT_MS, connection.connectMillis());
            long start = System.nanoTime();
            Conversation conversation = new Conversation(socket, Deadline.after(options.timeout()), who);
            if (protocol.dialogue().converse(conversation, options)) {
                metrics.record(Metrics.HANDSHAKE_MS, Texts.millis(System.nanoTime() - start));
            }
        }
    }
}
