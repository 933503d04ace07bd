package dev.medic.packages.system.internal;

import java.nio.charset.StandardCharsets;

/** Keeps the last bytes written to it, so that a chatty command cannot fill the memory or the record. */
final class BoundedTail {

    private final byte[] buffer;
    private long written;

    BoundedTail(int limit) {
        this.buffer = new byte[Math.max(limit, 0)];
    }

    synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            if (buffer.length > 0) {
                buffer[(int) (written % buffer.length)] = bytes[offset + i];
            }
            written++;
        }
    }

    /** The kept bytes as text, preceded by a note on how much was cut. */
    synchronized String text() {
        if (written <= buffer.length) {
            return new String(buffer, 0, (int) written, StandardCharsets.UTF_8);
        }
        int start = (int) (written % buffer.length);
        byte[] ordered = new byte[buffer.length];
        System.arraycopy(buffer, start, ordered, 0, buffer.length - start);
        System.arraycopy(buffer, 0, ordered, buffer.length - start, start);
        return "[" + (written - buffer.length) + " earlier bytes cut]\n" + new String(ordered, StandardCharsets.UTF_8);
    }
}
