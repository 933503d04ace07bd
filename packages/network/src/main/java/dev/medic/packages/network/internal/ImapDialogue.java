package dev.medic.packages.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

/**
 * IMAP (RFC 9051): the server greets with {@code * OK}, or with {@code * PREAUTH} when the
 * connection is already authenticated. {@code * BYE} means it refuses the connection, and fails.
 */
final class ImapDialogue implements Dialogue {

    @Override
    public boolean converse(Conversation conversation, TargetOptions options) throws IOException {
        String greeting = conversation.readLine();
        if (!greeting.startsWith("* PREAUTH")) {
            assertThat(Texts.printable(greeting)).as("greeting of %s (expected '* OK' or '* PREAUTH')", conversation.who())
                .startsWith("* OK");
        }
        Expected.textIn(greeting, options, conversation);
        conversation.sayGoodbye("a1 LOGOUT");
        return true;
    }
}
