package dev.medic.influxdb.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Trust for https from a CA file (PEM or DER), in place of the system's trusted authorities. */
public final class Tls {

    /**
     * What a client needs to trust a private CA.
     *
     * @param context      the TLS context whose socket factory to use
     * @param trustManager the trust manager it was built from (okhttp wants both)
     */
    public record Trust(SSLContext context, X509TrustManager trustManager) {
    }

    private Tls() {
    }

    /** The certificates in a file; fails when it holds none. */
    public static Collection<? extends Certificate> certificates(Path caFile) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificate in the file");
            }
            return certificates;
        }
    }

    /** Trust that accepts exactly the certificates of a CA file (and what they signed). */
    public static Trust trusting(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates(caFile)) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        X509TrustManager manager = (X509TrustManager) factory.getTrustManagers()[0];
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {manager}, null);
        return new Trust(context, manager);
    }
}
