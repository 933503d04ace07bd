package dev.medic.api;

import java.util.Map;

/**
 * Records numeric measurements from a stats method or a check.
 *
 * <p>Declare a parameter of this type and JUnit passes one in. Each measurement is stored in
 * Medic's history and sent to every metrics sink, tagged with the host, the environment and the
 * package, plus the tags given here.
 *
 * <p>Names and tag keys use letters, digits, {@code _ . -} only. Tags must take few values
 * (a mount point, a queue name), never free text or ids, because each distinct value becomes a
 * new time series.
 */
public interface Measurements {

    /** At most this many tags per measurement. */
    int MAX_TAGS = 8;

    /** Records a value under a name, such as {@code demo.response_ms}. */
    default void record(String name, double value) {
        record(name, value, Map.of());
    }

    /** Records a value under a name with tags, such as {@code disk.free_bytes {mount=/var}}. */
    void record(String name, double value, Map<String, String> tags);
}
