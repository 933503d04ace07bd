package dev.medic.packages.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SMTP: the server greets with reply code 220. With {@code ehlo} set, the check also introduces
 * itself with {@code EHLO name} and expects 250, which shows that the server does more than
 * accept connections (a server that greets and then refuses everything answers 5xx here).
 */
final class SmtpDialogue implements Dialogue {

    static final String EHLO = "ehlo";

    /** A domain or an address literal; nothing that could end the command and start another. */
    private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+");

    @Override
    public void validate(TargetOptions options) {
        Optional<String> ehlo = options.text(EHLO);
        if (ehlo.isPresent() && !CLIENT_NAME.matcher(ehlo.get()).matches()) {
            throw options.problem("ehlo '" + Texts.printable(ehlo.get()) + "' is not a domain name or address literal");
        }
    }

    @Override
    public boolean converse(Conversation conversation, TargetOptions options) throws IOException {
        Optional<String> ehlo = options.text(EHLO);
        CodedReply greeting = CodedReply.read(conversation);
        assertThat(Texts.printable(greeting.last())).as("greeting of %s (expected reply code 220)", conversation.who())
            .startsWith("220");
        Expected.textIn(greeting.text(), options, conversation);
        if (ehlo.isPresent()) {
            conversation.send("EHLO " + ehlo.get());
            CodedReply reply = CodedReply.read(conversation);
            assertThat(Texts.printable(reply.last()))
                .as("answer of %s to EHLO %s (expected reply code 250)", conversation.who(), ehlo.get())
                .startsWith("250");
        }
        conversation.sayGoodbye("QUIT");
        return true;
    }
}
