package dev.medic.api;

/**
 * One target of a {@link CheckEach} check: its name and its values, which override the
 * package's settings key by key.
 */
public interface Target extends Settings {

    /** The target's name, as the check's name shows it: {@code HttpChecks.answers[NAME]}. */
    String name();
}
