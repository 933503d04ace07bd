package dev.medic.influxdb.internal;

import dev.medic.influxdb.InfluxConfig;

/** Picks the write path for a configuration; the 2.x client's classes load only when it is used. */
public final class Senders {

    private Senders() {
    }

    public static Sender forConfig(InfluxConfig config) {
        return config.api() == InfluxConfig.Api.V1 ? new V1Sender(config) : new V2Sender(config);
    }
}
