package dev.medic.packages.network.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The real servers from Debian packages that the tests check, each started on a free loopback
 * port with its configuration in the test's temporary directory. The Debian packages they need are
 * listed in docs/packages/network.md.
 */
public final class RealServers {

    /** Debian's own Python, whose dist-packages hold python3-aiosmtpd and python3-pyftpdlib. */
    private static final String PYTHON = "/usr/bin/python3";

    private RealServers() {
    }

    /** OpenSSH's sshd (openssh-server) with a host key generated for the test. */
    public static Daemon sshd(Path dir, int port) throws IOException, InterruptedException {
        Daemon.requireProgram("/usr/sbin/sshd", "openssh-server");
        Path key = dir.resolve("ssh_host_ed25519_key");
        Daemon.runToCompletion(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()), dir);
        Path config = Files.writeString(dir.resolve("sshd_config"), String.join("\n",
            "Port " + port,
            "ListenAddress 127.0.0.1",
            "HostKey " + key,
            "PidFile " + dir.resolve("sshd.pid"),
            "UsePAM no",
            "") );
        if (isRoot()) {
            // Run as root, sshd insists on its privilege separation directory, which Debian's
            // service unit creates at boot; an empty directory is all it needs.
            Files.createDirectories(Path.of("/run/sshd"));
        }
        // sshd re-executes itself, so it must be started by its absolute path.
        return Daemon.start("sshd", dir, port, List.of("/usr/sbin/sshd", "-D", "-e", "-f", config.toString()));
    }

    /** aiosmtpd's SMTP server (python3-aiosmtpd), which greets with 220 and answers EHLO. */
    public static Daemon smtpd(Path dir, int port) throws IOException, InterruptedException {
        Daemon.requireProgram(PYTHON, "python3");
        return Daemon.start("aiosmtpd", dir, port,
            List.of(PYTHON, "-m", "aiosmtpd", "-n", "-l", Loopback.HOST + ":" + port));
    }

    /** pyftpdlib's FTP server (python3-pyftpdlib), serving an empty directory. */
    public static Daemon ftpd(Path dir, int port) throws IOException, InterruptedException {
        Daemon.requireProgram(PYTHON, "python3");
        Path root = Files.createDirectories(dir.resolve("ftp-root"));
        return Daemon.start("pyftpdlib", dir, port,
            List.of(PYTHON, "-m", "pyftpdlib", "-i", Loopback.HOST, "-p", String.valueOf(port), "-d", root.toString()));
    }

    /** Dovecot (dovecot-imapd, dovecot-pop3d) serving IMAP and POP3 without TLS. */
    public static Daemon dovecot(Path dir, int imapPort, int pop3Port) throws IOException, InterruptedException {
        Daemon.requireProgram("/usr/sbin/dovecot", "dovecot-imapd dovecot-pop3d");
        Path base = Files.createDirectories(dir.resolve("dovecot"));
        // Dovecot's login processes run as its unprivileged users and must reach base_dir.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = Files.writeString(base.resolve("dovecot.conf"), String.join("\n",
            "base_dir = " + base.resolve("run"),
            "state_dir = " + base.resolve("state"),
            "log_path = /dev/stderr",
            "protocols = imap pop3",
            "listen = 127.0.0.1",
            "ssl = no",
            "mail_location = maildir:" + base.resolve("mail") + "/%u",
            "passdb {",
            "  driver = static",
            "  args = password=unused",
            "}",
            "userdb {",
            "  driver = static",
            "  args = uid=65534 gid=65534 home=" + base.resolve("mail") + "/%u",
            "}",
            "service imap-login {",
            "  inet_listener imap {",
            "    port = " + imapPort,
            "  }",
            "  inet_listener imaps {",
            "    port = 0",
            "  }",
            "}",
            "service pop3-login {",
            "  inet_listener pop3 {",
            "    port = " + pop3Port,
            "  }",
            "  inet_listener pop3s {",
            "    port = 0",
            "  }",
            "}",
            ""));
        Daemon daemon = Daemon.start("dovecot", dir, imapPort, List.of("/usr/sbin/dovecot", "-F", "-c", config.toString()));
        if (!Loopback.awaitAccepting(pop3Port, java.time.Duration.ofSeconds(10))) {
            daemon.close();
            throw new AssertionError("dovecot did not listen for POP3 on port " + pop3Port + "; its log:\n" + daemon.log());
        }
        return daemon;
    }

    /**
     * GNU inetutils' telnetd (inetutils-telnetd), started per connection by socat (socat) as inetd
     * would, running a program that prints {@code banner} instead of /bin/login.
     */
    public static Daemon telnetd(Path dir, int port, String banner) throws IOException, InterruptedException {
        Daemon.requireProgram("/usr/sbin/telnetd", "inetutils-telnetd");
        Daemon.requireProgram("/usr/bin/socat", "socat");
        Path login = dir.resolve("banner-login");
        // Like /bin/login, it then waits for input: telnetd drops what is still unsent when its
        // login program exits, so a program that printed and exited at once would lose the banner.
        Files.writeString(login, "#!/bin/sh\nprintf '%s\\r\\n' '" + banner.replace("'", "") + "'\nread line\n");
        Files.setPosixFilePermissions(login, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Daemon.start("telnetd", dir, port, List.of("/usr/bin/socat",
            "TCP-LISTEN:" + port + ",bind=" + Loopback.HOST + ",reuseaddr,fork",
            "EXEC:/usr/sbin/telnetd -h -E " + login));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
