package dev.medic.packages.http.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status codes a target may answer with: codes ({@code 200}), ranges ({@code 200-299}) and
 * classes ({@code 2xx}), in any mix.
 */
public final class StatusCodes {

    /** 1xx to 3xx are up, 4xx and 5xx are down: what operators expect of a web check. */
    public static final List<String> DEFAULT = List.of("100-399");

    private static final Pattern CODE = Pattern.compile("[1-5]\\d\\d");
    private static final Pattern RANGE = Pattern.compile("([1-5]\\d\\d)\\s*-\\s*([1-5]\\d\\d)");
    private static final Pattern CLASS = Pattern.compile("([1-5])xx", Pattern.CASE_INSENSITIVE);

    private final List<int[]> ranges;
    private final String text;

    private StatusCodes(List<int[]> ranges, String text) {
        this.ranges = ranges;
        this.text = text;
    }

    /**
     * Reads a list of codes, ranges and classes.
     *
     * @throws IllegalArgumentException naming the entry that is none of those
     */
    public static StatusCodes parse(List<String> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("expected-status is empty; list codes such as 200, ranges such as"
                + " 200-299 or classes such as 2xx");
        }
        List<int[]> ranges = new ArrayList<>();
        for (String entry : entries) {
            String value = entry.trim();
            Matcher range = RANGE.matcher(value);
            Matcher statusClass = CLASS.matcher(value);
            if (CODE.matcher(value).matches()) {
                int code = Integer.parseInt(value);
                ranges.add(new int[] {code, code});
            } else if (range.matches() && Integer.parseInt(range.group(1)) <= Integer.parseInt(range.group(2))) {
                ranges.add(new int[] {Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2))});
            } else if (statusClass.matches()) {
                int first = Integer.parseInt(statusClass.group(1)) * 100;
                ranges.add(new int[] {first, first + 99});
            } else {
                throw new IllegalArgumentException("expected-status entry '" + entry + "' is not a status code (200),"
                    + " a range (200-299) or a class (2xx) between 100 and 599");
            }
        }
        return new StatusCodes(List.copyOf(ranges), String.join(", ", entries.stream().map(String::trim).toList()));
    }

    /** Whether a status code is one of these. */
    public boolean contains(int status) {
        return ranges.stream().anyMatch(range -> status >= range[0] && status <= range[1]);
    }

    /** As configured, such as {@code 200, 204} or {@code 100-399}. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StatusCodes codes && codes.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
