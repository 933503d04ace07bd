package dev.medic.packages.network;

import java.io.IOException;

import dev.medic.api.CheckEach;
import dev.medic.api.Measurements;
import dev.medic.api.Target;
import dev.medic.packages.network.internal.DnsCheck;
import dev.medic.packages.network.internal.GreetingCheck;
import dev.medic.packages.network.internal.GreetingProtocol;
import dev.medic.packages.network.internal.PingCheck;
import dev.medic.packages.network.internal.TcpPortCheck;
import dev.medic.packages.network.internal.TlsCheck;

/**
 * The network package's checks: one per kind of target, each run once per target declared under
 * the setting of the same name, so {@code smtp: [{name: mail, ...}]} becomes the check
 * {@code NetworkChecks.smtp[mail]}. Each records its timings, tagged with the target.
 *
 * <p>None has a repair: what brings a remote service back differs from site to site. Pair one in a
 * package of your own, or watch the service's process with the system package.
 */
class NetworkChecks {

    /** The port accepts a TCP connection. */
    @CheckEach("tcp")
    void tcp(Target target, Measurements measurements) throws IOException, InterruptedException {
        TcpPortCheck.run(target, measurements);
    }

    /** The server greets with 220, and answers EHLO with 250 when {@code ehlo} is set. */
    @CheckEach("smtp")
    void smtp(Target target, Measurements measurements) throws IOException, InterruptedException {
        GreetingCheck.run(GreetingProtocol.SMTP, target, measurements);
    }

    /** The server greets with +OK. */
    @CheckEach("pop3")
    void pop3(Target target, Measurements measurements) throws IOException, InterruptedException {
        GreetingCheck.run(GreetingProtocol.POP3, target, measurements);
    }

    /** The server greets with * OK (or * PREAUTH). */
    @CheckEach("imap")
    void imap(Target target, Measurements measurements) throws IOException, InterruptedException {
        GreetingCheck.run(GreetingProtocol.IMAP, target, measurements);
    }

    /** The server greets with 220. */
    @CheckEach("ftp")
    void ftp(Target target, Measurements measurements) throws IOException, InterruptedException {
        GreetingCheck.run(GreetingProtocol.FTP, target, measurements);
    }

    /** The server identifies itself as SSH-2.0 (or SSH-1.99). */
    @CheckEach("ssh")
    void ssh(Target target, Measurements measurements) throws IOException, InterruptedException {
        GreetingCheck.run(GreetingProtocol.SSH, target, measurements);
    }

    /** The server accepts the connection, and shows the {@code expect} text when it is set. */
    @CheckEach("telnet")
    void telnet(Target target, Measurements measurements) throws IOException, InterruptedException {
        GreetingCheck.run(GreetingProtocol.TELNET, target, measurements);
    }

    /** The name resolves, to the expected addresses when they are set. */
    @CheckEach("dns")
    void dns(Target target, Measurements measurements) throws InterruptedException {
        DnsCheck.run(target, measurements);
    }

    /** The host answers ICMP echo requests sent by the system's ping command. */
    @CheckEach("ping")
    void ping(Target target, Measurements measurements) throws InterruptedException {
        PingCheck.run(target, measurements);
    }

    /** The TLS handshake succeeds and the certificate has enough days left. */
    @CheckEach("tls")
    void tls(Target target, Measurements measurements) throws IOException, InterruptedException {
        TlsCheck.run(target, measurements);
    }
}
