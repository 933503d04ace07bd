package dev.medic.packages.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.medic.api.CheckEach;
import dev.medic.api.Measurements;
import dev.medic.api.RepairWith;
import dev.medic.api.SettingException;
import dev.medic.api.Settings;
import dev.medic.api.Stats;
import dev.medic.api.Target;
import dev.medic.packages.system.internal.ListeningSockets;
import dev.medic.packages.system.internal.ListeningSockets.Listener;
import dev.medic.packages.system.internal.Targets;

/**
 * Something listens on a local TCP port. With {@code method: auto} (the default) it reads the
 * kernel's socket tables where there are any (Linux) and connects on loopback elsewhere; see
 * {@link ListeningSockets}.
 */
@RepairWith(ConfiguredRepair.class)
class PortChecks {

    @CheckEach("ports")
    void isListening(Target target) {
        int port = port(target);
        Optional<InetAddress> address = target.find("address", String.class).map(PortChecks::literal);
        String method = target.find("method", String.class).orElse("auto").toLowerCase(Locale.ROOT);
        String where = "TCP port " + port + address.map(a -> " on " + a.getHostAddress()).orElse("");
        switch (method) {
            case "auto", "proc" -> {
                Optional<List<Listener>> listeners = ListeningSockets.fromKernelTables();
                if (listeners.isPresent()) {
                    assertThat(matching(listeners.get(), port, address)).as("listeners on %s in /proc/net/tcp and tcp6", where)
                        .isNotEmpty();
                } else if (method.equals("proc")) {
                    fail("method 'proc' needs /proc/net/tcp or /proc/net/tcp6, and this system has neither readable");
                } else {
                    assertThat(connects(target, port, address)).as("a connection to %s on loopback", where).isTrue();
                }
            }
            case "connect" -> assertThat(connects(target, port, address)).as("a connection to %s on loopback", where).isTrue();
            default -> throw new SettingException("setting 'method' has value '" + method + "'; expected auto, proc or connect");
        }
    }

    @Stats
    void listening(Settings settings, Measurements measurements) {
        if (Targets.of(settings, "ports").isEmpty()) {
            return; // nothing to measure: the kernel's tables are not worth reading for nobody
        }
        Optional<List<Listener>> listeners = ListeningSockets.fromKernelTables();
        Targets.measureEach(settings, "ports", target -> {
            int port = port(target.settings());
            Optional<InetAddress> address = target.settings().find("address", String.class).map(PortChecks::literal);
            boolean listening = listeners.isPresent() && !target.settings().find("method", String.class).orElse("").equals("connect")
                ? !matching(listeners.get(), port, address).isEmpty()
                : connects(target.settings(), port, address);
            measurements.record("system.port.listening", listening ? 1 : 0, Map.of("target", target.name()));
        });
    }

    private static List<Listener> matching(List<Listener> listeners, int port, Optional<InetAddress> address) {
        return listeners.stream().filter(listener -> listener.port() == port)
            .filter(listener -> address.map(listener::accepts).orElse(true)).toList();
    }

    /** Connects to the configured address, or else to 127.0.0.1 and then ::1. */
    private static boolean connects(Settings target, int port, Optional<InetAddress> address) {
        Duration timeout = target.find("connect-timeout", Duration.class).orElse(Duration.ofSeconds(2));
        List<InetAddress> addresses = address.map(List::of).orElseGet(() -> List.of(literal("127.0.0.1"), literal("::1")));
        return addresses.stream().anyMatch(candidate -> ListeningSockets.connects(candidate, port, timeout));
    }

    private static int port(Settings target) {
        int port = target.getInt("port");
        if (port < 1 || port > 65535) {
            throw new SettingException("setting 'port' has value " + port + "; expected a port from 1 to 65535");
        }
        return port;
    }

    /** An IP address as written; never a host name, so that a check never waits on DNS. */
    private static InetAddress literal(String text) {
        String trimmed = text.trim();
        if (!trimmed.matches("[0-9.]+") && !trimmed.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new SettingException("setting 'address' has value '" + text + "'; expected an IP address such as 127.0.0.1 or ::1");
        }
        try {
            return InetAddress.getByName(trimmed);
        } catch (UnknownHostException e) {
            throw new SettingException("setting 'address' has value '" + text + "', which is not an IP address");
        }
    }
}
