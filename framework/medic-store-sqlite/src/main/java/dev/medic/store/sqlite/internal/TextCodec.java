package dev.medic.store.sqlite.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes string lists and maps as text that reads back exactly and stays readable in the
 * {@code sqlite3} shell: one entry per line, {@code key=value} for maps.
 *
 * <p>Backslash, line feed and carriage return are escaped as {@code \\}, {@code \n} and
 * {@code \r}; in keys, {@code =} is escaped as {@code \=}, so the first bare {@code =} ends the key.
 * Every entry ends with a line feed rather than being separated by one, so that an empty list and a
 * list holding one empty string differ.
 */
public final class TextCodec {

    private TextCodec() {
    }

    public static String encodeList(List<String> entries) {
        StringBuilder text = new StringBuilder();
        for (String entry : entries) {
            escape(entry, false, text);
            text.append('\n');
        }
        return text.toString();
    }

    public static List<String> decodeList(String text) {
        List<String> entries = new ArrayList<>();
        for (String line : lines(text)) {
            entries.add(unescape(line));
        }
        return entries;
    }

    /** Keys are written sorted, so that the same map always gives the same text. */
    public static String encodeMap(Map<String, String> map) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(map).forEach((key, value) -> {
            escape(key, true, text);
            text.append('=');
            escape(value, false, text);
            text.append('\n');
        });
        return text.toString();
    }

    public static Map<String, String> decodeMap(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int separator = separator(line);
            map.put(unescape(line.substring(0, separator)), unescape(line.substring(separator + 1)));
        }
        return map;
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("encoded text does not end with a line feed: " + text);
        }
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    private static int separator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=') {
                return i;
            }
        }
        throw new IllegalArgumentException("encoded map entry has no '=': " + line);
    }

    private static void escape(String value, boolean key, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '=' -> out.append(key ? "\\=" : "=");
                default -> out.append(c);
            }
        }
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == text.length()) {
                throw new IllegalArgumentException("encoded text ends in a lone backslash: " + text);
            }
            out.append(switch (text.charAt(i)) {
                case '\\' -> '\\';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case '=' -> '=';
                default -> throw new IllegalArgumentException("unknown escape \\" + text.charAt(i) + " in " + text);
            });
        }
        return out.toString();
    }
}
