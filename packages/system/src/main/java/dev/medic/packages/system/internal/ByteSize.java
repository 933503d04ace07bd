package dev.medic.packages.system.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.medic.api.SettingException;

/**
 * Reads sizes such as {@code 1048576}, {@code 512MiB} or {@code 10G}. Units are binary (K = 1024),
 * whether written {@code K}, {@code KB} or {@code KiB}, because that is what {@code df -h} and
 * {@code free -h} print.
 */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGTP]?)(?:I?B)?");

    private ByteSize() {
    }

    /** The number of bytes a setting's value stands for. */
    public static long parse(String key, Object value) {
        String text = String.valueOf(value).trim();
        Matcher matcher = SIZE.matcher(text.toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new SettingException("setting '" + key + "' has value '" + text
                + "'; expected a size in bytes such as 1048576, 512MiB or 10G");
        }
        String unit = matcher.group(2);
        int power = unit.isEmpty() ? 0 : "KMGTP".indexOf(unit) + 1;
        double bytes = Double.parseDouble(matcher.group(1)) * Math.pow(1024, power);
        if (bytes >= Long.MAX_VALUE) {
            throw new SettingException("setting '" + key + "' has value '" + text + "', which is too large");
        }
        return (long) bytes;
    }

    /** A size as people read it: {@code 1.5 GiB}. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
