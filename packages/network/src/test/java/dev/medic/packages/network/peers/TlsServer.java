package dev.medic.packages.network.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** The JDK's own TLS server on 127.0.0.1, presenting a test certificate; it completes handshakes and hangs up. */
public final class TlsServer implements AutoCloseable {

    private final SSLServerSocket server;

    private TlsServer(SSLServerSocket server) {
        this.server = server;
        Thread thread = new Thread(this::serve, "tls-server-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    public static TlsServer presenting(TestCertificate certificate) throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(certificate.load(), TestCertificate.PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return new TlsServer((SSLServerSocket) context.getServerSocketFactory()
            .createServerSocket(0, 16, InetAddress.getLoopbackAddress()));
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (SSLSocket client = (SSLSocket) server.accept()) {
                client.setSoTimeout(10_000);
                client.startHandshake();
                // wait for the client to hang up, so that it sees a complete handshake
                client.getInputStream().read();
            } catch (IOException e) {
                // the client rejected the certificate, hung up, or the server was closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
