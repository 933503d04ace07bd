package dev.medic.packages.network.internal;

import java.util.List;

/** The protocols whose servers are checked by the greeting they send after a TCP connect. */
public enum GreetingProtocol {

    SMTP("smtp", 25, List.of("port", Expected.KEY, SmtpDialogue.EHLO), new SmtpDialogue()),
    POP3("pop3", 110, List.of("port", Expected.KEY), new Pop3Dialogue()),
    IMAP("imap", 143, List.of("port", Expected.KEY), new ImapDialogue()),
    FTP("ftp", 21, List.of("port", Expected.KEY), new FtpDialogue()),
    SSH("ssh", 22, List.of("port", Expected.KEY), new SshDialogue()),
    TELNET("telnet", 23, List.of("port", Expected.KEY), new TelnetDialogue());

    private final String key;
    private final int usualPort;
    private final List<String> keys;
    private final Dialogue dialogue;

    GreetingProtocol(String key, int usualPort, List<String> keys, Dialogue dialogue) {
        this.key = key;
        this.usualPort = usualPort;
        this.keys = keys;
        this.dialogue = dialogue;
    }

    /** The settings key of its targets, also its {@code protocol} tag: {@code smtp}. */
    public String key() {
        return key;
    }

    /** The port a target uses when it sets none. */
    public int usualPort() {
        return usualPort;
    }

    /** The keys its targets take besides name, enabled, host and timeout. */
    List<String> keys() {
        return keys;
    }

    Dialogue dialogue() {
        return dialogue;
    }
}
