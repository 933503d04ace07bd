package dev.medic.packages.system.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The host's memory: how much is available for new work, of how much.
 *
 * @param availableBytes memory that can be given to programs without swapping
 * @param totalBytes     all physical memory
 * @param source         where the numbers come from, for messages
 */
public record Memory(long availableBytes, long totalBytes, String source) {

    private static final Path MEMINFO = Path.of("/proc/meminfo");

    /** Available memory as a percentage of the total. */
    public double availablePercent() {
        return totalBytes == 0 ? 0 : availableBytes * 100.0 / totalBytes;
    }

    /**
     * Reads the kernel's {@code MemAvailable} estimate on Linux: free memory plus the page cache and
     * reclaimable memory that can be freed without swapping. Elsewhere, or on kernels before 3.14
     * that lack it, the JVM's free physical memory, which leaves out the cache and so reads lower.
     */
    public static Memory read() {
        if (Files.isReadable(MEMINFO)) {
            try {
                Optional<Memory> memory = parseMeminfo(Files.readAllLines(MEMINFO));
                if (memory.isPresent()) {
                    return memory.get();
                }
            } catch (IOException unreadable) {
                // fall back to the JVM's view below
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Memory(os.getFreeMemorySize(), os.getTotalMemorySize(), "free physical memory as the JVM reports it");
    }

    /** MemAvailable and MemTotal from the lines of {@code /proc/meminfo}, when both are there. */
    static Optional<Memory> parseMeminfo(List<String> lines) {
        long available = -1;
        long total = -1;
        for (String line : lines) {
            if (line.startsWith("MemAvailable:")) {
                available = kibibytes(line);
            } else if (line.startsWith("MemTotal:")) {
                total = kibibytes(line);
            }
        }
        return available >= 0 && total > 0
            ? Optional.of(new Memory(available * 1024, total * 1024, "MemAvailable in /proc/meminfo"))
            : Optional.empty();
    }

    private static long kibibytes(String line) {
        String[] fields = line.trim().split("\\s+");
        try {
            return Long.parseLong(fields[1]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return -1;
        }
    }
}
