package dev.medic.packages.network.peers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made by the JDK's keytool
 * with any validity period, so that tests get valid, almost expired and expired certificates.
 *
 * @param keyStore the PKCS#12 key store holding the key and certificate (password {@link #PASSWORD})
 * @param pem      the certificate alone, PEM-encoded, for {@code ca-file}
 */
public record TestCertificate(Path keyStore, Path pem) {

    public static final String PASSWORD = "changeit";

    /**
     * A certificate valid from {@code startDaysAgo} days ago for {@code validDays} days.
     *
     * @param name names the files in {@code dir}
     */
    public static TestCertificate create(Path dir, String name, int startDaysAgo, int validDays)
            throws IOException, InterruptedException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path keyStore = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        List<String> generate = new ArrayList<>(List.of(keytool, "-genkeypair", "-alias", "server",
            "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
            "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", String.valueOf(validDays),
            "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (startDaysAgo > 0) {
            generate.addAll(List.of("-startdate", "-" + startDaysAgo + "d"));
        }
        Daemon.runToCompletion(generate, dir);
        Daemon.runToCompletion(List.of(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore",
            keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-file", pem.toString()), dir);
        return new TestCertificate(keyStore, pem);
    }

    /** The key store, loaded. */
    public KeyStore load() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }
}
