package dev.medic.packages.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made by the JDK's keytool, with the
 * validity a test asks for: a key store for the server and a PEM file that a target trusts as
 * its {@code ca-file}.
 *
 * @param keyStore the PKCS12 key store holding the key and the certificate
 * @param pem      the certificate alone, PEM encoded
 */
record TestCertificate(Path keyStore, Path pem) {

    static final String PASSWORD = "changeit";

    /** A certificate for 127.0.0.1 and localhost, valid from {@code daysAgo} days ago for {@code validDays} days in all. */
    static TestCertificate create(Path directory, String name, int daysAgo, int validDays)
            throws IOException, InterruptedException {
        return create(directory, name, daysAgo, validDays, "ip:127.0.0.1,dns:localhost");
    }

    /** A certificate for the given subject alternative names, such as {@code dns:localhost}. */
    static TestCertificate create(Path directory, String name, int daysAgo, int validDays, String names)
            throws IOException, InterruptedException {
        Path keyStore = directory.resolve(name + ".p12");
        Path pem = directory.resolve(name + ".pem");
        List<String> generate = new ArrayList<>(List.of(keytool(), "-genkeypair", "-alias", "server",
            "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
            "-ext", "san=" + names, "-validity", Integer.toString(validDays),
            "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (daysAgo > 0) {
            generate.addAll(List.of("-startdate", "-" + daysAgo + "d"));
        }
        run(generate, directory);
        run(List.of(keytool(), "-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(),
            "-storepass", PASSWORD, "-file", pem.toString()), directory);
        return new TestCertificate(keyStore, pem);
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private static void run(List<String> command, Path directory) throws IOException, InterruptedException {
        Path log = directory.resolve("keytool.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("keytool did not finish within 60 s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed with exit code " + process.exitValue() + ": " + Files.readString(log));
        }
    }
}
