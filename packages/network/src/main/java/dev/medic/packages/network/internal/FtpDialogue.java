package dev.medic.packages.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

/**
 * FTP: the server greets with reply code 220. A server that answers 120 ("ready in a few
 * minutes") or 421 ("not available") is not ready, and fails the check.
 */
final class FtpDialogue implements Dialogue {

    @Override
    public boolean converse(Conversation conversation, TargetOptions options) throws IOException {
        CodedReply greeting = CodedReply.read(conversation);
        assertThat(Texts.printable(greeting.last())).as("greeting of %s (expected reply code 220)", conversation.who())
            .startsWith("220");
        Expected.textIn(greeting.text(), options, conversation);
        conversation.sayGoodbye("QUIT");
        return true;
    }
}
