package dev.medic.influxdb.internal;

/** Sends one batch of line protocol to InfluxDB and says how it went; never throws. */
public interface Sender extends AutoCloseable {

    /**
     * @param body the points, one per line, uncompressed; the sender compresses if configured
     */
    SendResult send(byte[] body);

    /** Releases connections and threads. */
    @Override
    void close();
}
