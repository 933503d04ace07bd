package dev.medic.packages.network.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which certificates a TLS target trusts: the JDK's trust store, the CA certificates of a PEM
 * file ({@code ca-file}), or whatever the server presents ({@code verify-chain: false}). In every
 * case the JDK's own trust manager judges, so a host name given in {@code server-name} is checked
 * the same way.
 */
final class TrustChoice {

    private TrustChoice() {
    }

    /** The JDK's default trust store (its cacerts, or what {@code javax.net.ssl.trustStore} names). */
    static X509ExtendedTrustManager system() throws GeneralSecurityException {
        return fromKeyStore(null);
    }

    /** Only the certificates in a PEM (or DER) file, such as an internal CA's. */
    static X509ExtendedTrustManager caFile(Path file) throws GeneralSecurityException, IOException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("no certificate in " + file);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int index = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + index++, certificate);
        }
        return fromKeyStore(store);
    }

    /**
     * Trusts the certificate the server presents, for servers with self-signed certificates: the
     * chain is not verified, but the host name (when {@code server-name} is set) still is, and the
     * check still reads the expiry dates.
     */
    static X509ExtendedTrustManager presented() {
        return new TrustPresented();
    }

    private static X509ExtendedTrustManager fromKeyStore(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X509ExtendedTrustManager");
    }

    /** Makes the presented leaf certificate the only trust anchor, then lets the JDK judge. */
    private static final class TrustPresented extends X509ExtendedTrustManager {

        private X509ExtendedTrustManager anchoredAt(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server presented no certificate");
            }
            try {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                store.setCertificateEntry("presented", chain[0]);
                return fromKeyStore(store);
            } catch (GeneralSecurityException | IOException e) {
                throw new CertificateException("cannot trust the presented certificate: " + e.getMessage(), e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            anchoredAt(chain).checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            anchoredAt(chain).checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            anchoredAt(chain).checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
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
            return new X509Certificate[0];
        }
    }
}
