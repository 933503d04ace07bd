package dev.medic.cli.output;

import java.util.Map;

import dev.medic.engine.Outcome;
import dev.medic.engine.RepairOutcome;

/**
 * How text output looks: colours only on a terminal, and never when {@code NO_COLOR} is set or
 * {@code TERM} is {@code dumb}.
 */
public final class Style {

    private static final String RESET = "\u001b[0m";

    private final boolean color;

    private Style(boolean color) {
        this.color = color;
    }

    /** Colours when standard output is a terminal that wants them. */
    public static Style detect(Map<String, String> environment) {
        boolean terminal = System.console() != null;
        boolean refused = environment.containsKey("NO_COLOR") || "dumb".equals(environment.get("TERM"));
        return new Style(terminal && !refused);
    }

    /** Plain text, for files and tests. */
    public static Style plain() {
        return new Style(false);
    }

    /** An outcome padded to a column, in its colour. */
    public String outcome(Outcome outcome) {
        String code = switch (outcome) {
            case HEALTHY -> "32";
            case REPAIRED -> "36";
            case UNRESOLVED -> "1;31";
            case SKIPPED -> "33";
        };
        return paint(code, String.format("%-10s", outcome.name()));
    }

    /** A repair outcome in its colour. */
    public String repair(RepairOutcome outcome) {
        return paint(outcome.isSuccess() ? "36" : outcome == RepairOutcome.NOT_APPLICABLE ? "33" : "31", outcome.name());
    }

    /** Secondary text. */
    public String dim(String text) {
        return paint("2", text);
    }

    /** Emphasised text. */
    public String bold(String text) {
        return paint("1", text);
    }

    /** Warning text. */
    public String warning(String text) {
        return paint("33", text);
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + RESET : text;
    }
}
