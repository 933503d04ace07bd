package dev.medic.influxdb.internal;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a spool segment file. Names sort in the order segments were created (creation time,
 * then writer, then sequence), which is the order they are sent in. A sealed name also carries
 * its point count, so that counting pending points needs no file reads.
 *
 * <ul>
 * <li>{@code 1700000000000-p4242x1f2e-000007.open}: being written by a live process;</li>
 * <li>{@code 1700000000000-p4242x1f2e-000007-250.seg}: sealed with 250 points, ready to send;</li>
 * <li>{@code .1700000000000-p4242x1f2e-000007.tmp}: being created, ignored by everyone else.</li>
 * </ul>
 *
 * @param created when the segment was created, in epoch milliseconds
 * @param writer  the id of the process that wrote it
 * @param seq     its number among that writer's segments
 * @param count   the number of points once sealed; -1 while open
 */
public record SegmentName(long created, String writer, int seq, int count) implements Comparable<SegmentName> {

    private static final Comparator<SegmentName> ORDER = Comparator.comparingLong(SegmentName::created)
        .thenComparing(SegmentName::writer).thenComparingInt(SegmentName::seq);
    private static final Pattern FORM = Pattern.compile("(\\d{13})-([a-z0-9]+)-(\\d{6,})(?:-(\\d+))?\\.(open|seg)");

    /** A new open segment. */
    static SegmentName open(long created, String writer, int seq) {
        return new SegmentName(created, writer, seq, -1);
    }

    /** Reads a file name; empty for files that are not segments (temporary files, strays). */
    static Optional<SegmentName> parse(String fileName) {
        Matcher matcher = FORM.matcher(fileName);
        if (!matcher.matches() || (matcher.group(4) == null) != matcher.group(5).equals("open")) {
            return Optional.empty();
        }
        int count = matcher.group(4) == null ? -1 : Integer.parseInt(matcher.group(4));
        return Optional.of(new SegmentName(Long.parseLong(matcher.group(1)), matcher.group(2),
            Integer.parseInt(matcher.group(3)), count));
    }

    boolean isSealed() {
        return count >= 0;
    }

    SegmentName sealed(int points) {
        return new SegmentName(created, writer, seq, points);
    }

    /** The part shared by the open and the sealed name. */
    String stem() {
        return String.format("%013d-%s-%06d", created, writer, seq);
    }

    String fileName() {
        return isSealed() ? stem() + "-" + count + ".seg" : stem() + ".open";
    }

    String tempName() {
        return "." + stem() + ".tmp";
    }

    @Override
    public int compareTo(SegmentName other) {
        return ORDER.compare(this, other);
    }
}
