package dev.medic.packages.http.internal;

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
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS trust for a target with a {@code ca-file}: the certificates in that file replace the
 * JDK's trusted authorities, as {@code curl --cacert} does, so that a service with an internal or
 * self-signed certificate is verified instead of being waved through.
 */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /**
     * A socket factory that trusts exactly the certificates in a PEM or DER file.
     *
     * @throws IOException when the file cannot be read or holds no certificate
     */
    static SSLSocketFactory from(Path caFile) throws IOException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (GeneralSecurityException e) {
            throw new IOException("ca-file " + caFile + " holds no readable certificate: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("cannot read ca-file " + caFile + " (" + e.getClass().getSimpleName() + ")", e);
        }
        if (certificates.isEmpty()) {
            throw new IOException("ca-file " + caFile + " holds no certificate");
        }
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("ca-" + index++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS with ca-file " + caFile + ": " + e.getMessage(), e);
        }
    }
}
