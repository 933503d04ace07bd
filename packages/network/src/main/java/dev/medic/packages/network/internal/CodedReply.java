package dev.medic.packages.network.internal;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;

/**
 * A reply of SMTP (RFC 5321) or FTP (RFC 959): a line that starts with a three-digit code, or
 * several lines where the first reads {@code 220-...} and the last {@code 220 ...}.
 *
 * @param text the whole reply, its lines joined with {@code \n}
 * @param last its last line, which carries the reply's code
 */
record CodedReply(String text, String last) {

    /** Greetings with long notices run to a few dozen lines; a peer that never ends one is wrong. */
    private static final int MAX_LINES = 200;

    /** Reads one reply. A first line that is not {@code ddd-...} is the whole reply. */
    static CodedReply read(Conversation conversation) throws IOException {
        String first = conversation.readLine();
        if (!opensMultiLineReply(first)) {
            return new CodedReply(first, first);
        }
        String code = first.substring(0, 3);
        StringBuilder text = new StringBuilder(first);
        for (int lines = 1; lines < MAX_LINES; lines++) {
            String line = conversation.readLine();
            text.append('\n').append(line);
            // RFC 959: lines in between may say anything; the reply ends with the code and a space.
            if (line.equals(code) || line.startsWith(code + " ")) {
                return new CodedReply(text.toString(), line);
            }
        }
        return fail("%s sent a reply of more than %d lines without ending it; received: '%s'", conversation.who(),
            MAX_LINES, conversation.received());
    }

    private static boolean opensMultiLineReply(String line) {
        return line.length() >= 4 && Character.isDigit(line.charAt(0)) && Character.isDigit(line.charAt(1))
            && Character.isDigit(line.charAt(2)) && line.charAt(3) == '-';
    }
}
