package dev.medic.packages.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;

/**
 * SSH (RFC 4253, section 4.2): the server sends its identification string,
 * {@code SSH-2.0-software comments}; {@code SSH-1.99-} announces a server that also speaks 2.0.
 * The server may send other lines before it, which are skipped. The check sends nothing, so no
 * key exchange starts and no credentials are involved.
 */
final class SshDialogue implements Dialogue {

    /** RFC 4253 does not bound the lines before the identification; a few are plenty in practice. */
    private static final int MAX_LINES_BEFORE = 20;

    @Override
    public boolean converse(Conversation conversation, TargetOptions options) throws IOException {
        for (int i = 0; i <= MAX_LINES_BEFORE; i++) {
            String line = conversation.readLine();
            if (line.startsWith("SSH-")) {
                if (!line.startsWith("SSH-1.99-")) {
                    assertThat(Texts.printable(line))
                        .as("identification string of %s (expected protocol version 2.0)", conversation.who())
                        .startsWith("SSH-2.0-");
                }
                Expected.textIn(line, options, conversation);
                return true;
            }
        }
        return fail("%s sent no identification string (SSH-2.0-...) in its first %d lines; received: '%s'",
            conversation.who(), MAX_LINES_BEFORE + 1, conversation.received());
    }
}
