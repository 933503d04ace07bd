package dev.medic.dashboards.grafana;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Grafana reads values in provisioning files, reproduced: environment variables are
 * replaced when it provisions. Source: grafana/grafana {@code pkg/services/provisioning/values}
 * ({@code interpolateValue}: {@code $$} is a literal {@code $}; {@code $__env{NAME}} and
 * {@code $__file{PATH}} are expanded, then {@code $NAME} and {@code ${NAME}} as Go's
 * {@code os.ExpandEnv} does, an unset variable becoming empty) and
 * {@code pkg/services/provisioning/alerting/rules_types.go} (a rule's query models are taken raw,
 * its annotations only expand {@code ${NAME}}, its labels, title and other strings expand fully).
 */
public final class Provisioning {

    /** A whole value that is only an environment reference: {@code $NAME}, {@code ${NAME}}, {@code $__env{NAME}}, {@code $__file{PATH}}. */
    public static final Pattern REFERENCE = Pattern.compile("\\$(?:__env\\{(\\w+)}|__file\\{([^}]+)}|\\{(\\w+)}|(\\w+))");

    private static final Pattern BRACED = Pattern.compile("\\$\\{(\\w+)}");

    private Provisioning() {
    }

    /** A string value as Grafana provisions it, with {@code environment} as its environment (files are not read). */
    public static String interpolate(String value, Map<String, String> environment) {
        StringBuilder out = new StringBuilder();
        String[] parts = value.split("\\$\\$", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('$');
            }
            Matcher matcher = REFERENCE.matcher(parts[i]);
            StringBuilder part = new StringBuilder();
            while (matcher.find()) {
                String replacement;
                if (matcher.group(2) != null) {
                    replacement = "<content of " + matcher.group(2) + ">";
                } else {
                    replacement = environment.getOrDefault(name(matcher), "");
                }
                matcher.appendReplacement(part, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(part);
            out.append(part);
        }
        return out.toString();
    }

    /** The environment variable a {@link #REFERENCE} match names, or null for a file. */
    public static String name(Matcher reference) {
        return reference.group(1) != null ? reference.group(1)
            : reference.group(3) != null ? reference.group(3) : reference.group(4);
    }

    /** An annotation of an alert rule: only {@code ${NAME}} is replaced, so that {@code {{ $labels.host }}} survives. */
    public static String interpolateAnnotation(String value, Map<String, String> environment) {
        Matcher matcher = BRACED.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(environment.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Whether a whole value is one environment reference, and nothing else. */
    public static boolean isReference(String value) {
        return REFERENCE.matcher(value).matches();
    }

    /** A duration as Prometheus and Grafana's alerting write it: {@code 30s}, {@code 5m}, {@code 4h}, {@code 1h30m}, {@code 0s}. */
    public static Duration duration(String text) {
        Matcher matcher = Pattern.compile("(\\d+)(ms|s|m|h|d|w)").matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                break;
            }
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            });
            end = matcher.end();
        }
        if (end == 0 || end != text.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration Grafana's alerting reads");
        }
        return total;
    }
}
