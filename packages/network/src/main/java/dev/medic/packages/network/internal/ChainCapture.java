package dev.medic.packages.network.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Remembers the certificate chain the server presented, then lets the real trust manager judge it.
 * When the judgement fails the handshake, the check still knows the chain, so it can say "expired
 * 3 days ago" instead of a bare validation error, and record the days left.
 */
final class ChainCapture extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager judge;
    private volatile List<X509Certificate> presented = List.of();

    ChainCapture(X509ExtendedTrustManager judge) {
        this.judge = judge;
    }

    /** The chain of the last handshake; empty when the server presented none. */
    List<X509Certificate> presented() {
        return presented;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        presented = List.of(chain);
        judge.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        presented = List.of(chain);
        judge.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        presented = List.of(chain);
        judge.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a check is a client; it does not judge client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a check is a client; it does not judge client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a check is a client; it does not judge client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return judge.getAcceptedIssuers();
    }
}
