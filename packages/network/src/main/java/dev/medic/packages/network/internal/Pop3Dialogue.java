package dev.medic.packages.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

/** POP3 (RFC 1939): the server greets with a line that starts with {@code +OK}. */
final class Pop3Dialogue implements Dialogue {

    @Override
    public boolean converse(Conversation conversation, TargetOptions options) throws IOException {
        String greeting = conversation.readLine();
        assertThat(Texts.printable(greeting)).as("greeting of %s (expected +OK)", conversation.who()).startsWith("+OK");
        Expected.textIn(greeting, options, conversation);
        conversation.sayGoodbye("QUIT");
        return true;
    }
}
