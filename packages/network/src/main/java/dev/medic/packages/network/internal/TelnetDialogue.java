package dev.medic.packages.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;

/**
 * Telnet (RFC 854): an accepted connection is all a telnet server promises, so that is the check.
 * With {@code expect} set, the check also reads what the server shows (a banner, a login prompt)
 * until that text appears.
 *
 * <p>Telnet servers open with option negotiation (IAC DO/WILL ...) and many wait for answers
 * before they show anything. The check refuses every option (WONT/DONT), which every server
 * must accept, and leaves the negotiation bytes out of the text it compares.
 */
final class TelnetDialogue implements Dialogue {

    private static final int IAC = 255;
    private static final int DONT = 254;
    private static final int DO = 253;
    private static final int WONT = 252;
    private static final int WILL = 251;
    private static final int SB = 250;
    private static final int SE = 240;

    @Override
    public boolean converse(Conversation conversation, TargetOptions options) throws IOException {
        Optional<String> expected = options.text(Expected.KEY);
        if (expected.isEmpty()) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        String ended = "within " + conversation.timeLimit();
        while (text.indexOf(expected.get()) < 0) {
            int b = conversation.readByteOrTimeout();
            if (b == Conversation.TIMED_OUT) {
                break;
            }
            if (b < 0) {
                ended = "before it closed the connection";
                break;
            }
            if (b == IAC) {
                negotiate(conversation, text);
            } else {
                text.append((char) b);
            }
        }
        assertThat(Texts.printable(text)).as("text %s showed %s", conversation.who(), ended).contains(expected.get());
        return true;
    }

    /** Handles one command after IAC: refuses options, skips subnegotiation, keeps an escaped 255. */
    private static void negotiate(Conversation conversation, StringBuilder text) throws IOException {
        int command = conversation.readByte();
        switch (command) {
            case IAC -> text.append((char) IAC);
            case DO -> refuse(conversation, WONT);
            case WILL -> refuse(conversation, DONT);
            case DONT, WONT -> conversation.readByte();
            case SB -> skipSubnegotiation(conversation);
            default -> {
                // a two-byte command (NOP, GA, ...): nothing to answer
            }
        }
    }

    private static void refuse(Conversation conversation, int answer) throws IOException {
        int option = conversation.readByte();
        if (option >= 0) {
            conversation.write(new byte[] {(byte) IAC, (byte) answer, (byte) option});
        }
    }

    private static void skipSubnegotiation(Conversation conversation) throws IOException {
        int previous = 0;
        int b;
        while ((b = conversation.readByte()) >= 0) {
            if (previous == IAC && b == SE) {
                return;
            }
            previous = previous == IAC && b == IAC ? 0 : b;
        }
    }
}
