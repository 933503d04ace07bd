package dev.medic.packages.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code expect} option every greeting protocol takes: text the greeting must contain. */
final class Expected {

    static final String KEY = "expect";

    private Expected() {
    }

    /** Fails the check when the target sets {@code expect} and the greeting lacks that text. */
    static void textIn(String greeting, TargetOptions options, Conversation conversation) {
        options.text(KEY).ifPresent(expected ->
            assertThat(Texts.printable(greeting)).as("greeting of %s", conversation.who()).contains(expected));
    }
}
