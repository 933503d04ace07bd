package dev.medic.influxdb.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The spool's running totals, kept in a small file so that they survive restarts: points dropped
 * because the spool was full, and points the server rejected. Only the process holding the spool
 * lock changes them, so a read-add-replace needs no further locking.
 */
public final class SpoolCounters {

    /**
     * @param dropped  points dropped since the spool was created
     * @param rejected points the server refused as malformed since the spool was created
     */
    public record Totals(long dropped, long rejected) {
    }

    private final Path file;

    SpoolCounters(Path file) {
        this.file = file;
    }

    /** The totals; zero when the file does not exist yet or cannot be read. */
    Totals read() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return new Totals(0, 0);
        } catch (IOException | IllegalArgumentException e) {
            System.getLogger(SpoolCounters.class.getName()).log(System.Logger.Level.WARNING,
                "cannot read the spool counters in " + file + " (" + e + "); counting again from 0");
            return new Totals(0, 0);
        }
        return new Totals(number(properties, "dropped"), number(properties, "rejected"));
    }

    /** Adds to the totals: written to a temporary file, synced, then renamed over the old one. */
    Totals add(long dropped, long rejected) throws IOException {
        Totals old = read();
        Totals now = new Totals(old.dropped() + dropped, old.rejected() + rejected);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, "dropped=" + now.dropped() + "\nrejected=" + now.rejected() + "\n", StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return now;
    }

    private static long number(Properties properties, String key) {
        try {
            return Math.max(0, Long.parseLong(properties.getProperty(key, "0").strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
