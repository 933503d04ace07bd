package dev.medic.packages.network.internal;

/** How messages write a host and port. */
public final class Endpoints {

    private Endpoints() {
    }

    /** {@code 127.0.0.1:25}, {@code mail.example.org:25}, {@code [::1]:25}. */
    public static String of(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
