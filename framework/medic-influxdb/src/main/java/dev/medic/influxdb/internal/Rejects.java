package dev.medic.influxdb.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code rejected/} directory: batches InfluxDB refused as malformed, kept for a person to look
 * at. Each file is the batch's line protocol under {@code #} comment lines with the reason, so it
 * can be fixed and posted again by hand ({@code curl --data-binary @file}); InfluxDB skips the
 * comments. Only the newest {@value #KEEP} are kept, so a steady stream of bad points cannot fill
 * the disk.
 */
final class Rejects {

    static final int KEEP = 100;
    private static final int LOGGED_CHARS = 2000;

    private final Path directory;

    Rejects(Path directory) {
        this.directory = directory;
    }

    /** Writes and syncs the batch's file, named after its first segment; deletes the oldest beyond {@link #KEEP}. */
    Path setAside(Backlog.Batch batch, String reason) throws IOException {
        String name = batch.files().get(0).getFileName().toString().replaceFirst("\\.seg$", ".txt");
        Path file = directory.resolve(name);
        String header = "# rejected by InfluxDB at " + Instant.now() + ": " + reason.replace("\n", "\n# ") + "\n";
        Files.writeString(file, header + new String(batch.body(), StandardCharsets.UTF_8) + "\n", StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        prune();
        return file;
    }

    /** The start of a batch's content, for the log. */
    static String excerpt(Backlog.Batch batch) {
        String body = new String(batch.body(), StandardCharsets.UTF_8);
        return body.length() > LOGGED_CHARS ? body.substring(0, LOGGED_CHARS) + "…" : body;
    }

    private void prune() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(directory)) {
            files = all.sorted(Comparator.comparing(Path::toString).reversed()).toList();
        }
        for (Path old : files.subList(Math.min(KEEP, files.size()), files.size())) {
            Files.deleteIfExists(old);
        }
    }
}
