package dev.medic.influxdb.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The record format of a segment file: each point is {@code [length:int][crc32c:int][bytes]}.
 * Lengths make points that hold line breaks (messages do) safe to store; the checksum finds the
 * torn last record of a process killed in mid-write, which reading then leaves out.
 */
final class Records {

    /** No point is longer; a larger length can only be a torn or damaged header. */
    static final int MAX_RECORD = 1 << 20;
    private static final int HEADER = 8;

    private Records() {
    }

    /** One record, ready to be written with a single write. */
    static ByteBuffer frame(byte[] payload) {
        if (payload.length > MAX_RECORD) {
            throw new IllegalArgumentException("a point of " + payload.length + " bytes is over the limit of " + MAX_RECORD);
        }
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + payload.length);
        buffer.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        return buffer;
    }

    /**
     * What a segment holds.
     *
     * @param records    the intact records, in order
     * @param validBytes the length of the intact prefix
     * @param fileBytes  the length of the whole file
     */
    record Scan(List<byte[]> records, long validBytes, long fileBytes) {

        /** True when the file ends in a torn or damaged record. */
        boolean damaged() {
            return validBytes != fileBytes;
        }
    }

    static Scan read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel);
        }
    }

    /** Reads from the start of a channel up to the first torn or damaged record. */
    static Scan read(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer all = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE - 8));
        while (all.hasRemaining() && channel.read(all, all.position()) > 0) {
            // keep reading: a positional read may return less than asked
        }
        all.flip();
        List<byte[]> records = new ArrayList<>();
        long valid = 0;
        while (all.remaining() >= HEADER) {
            int length = all.getInt();
            int checksum = all.getInt();
            if (length < 0 || length > MAX_RECORD || length > all.remaining()) {
                break;
            }
            byte[] payload = new byte[length];
            all.get(payload);
            CRC32C crc = new CRC32C();
            crc.update(payload);
            if ((int) crc.getValue() != checksum) {
                break;
            }
            records.add(payload);
            valid = all.position();
        }
        return new Scan(records, valid, size);
    }
}
