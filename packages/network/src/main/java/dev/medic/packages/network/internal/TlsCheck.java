package dev.medic.packages.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

import dev.medic.api.Measurements;
import dev.medic.api.Target;

/**
 * A TLS handshake on any port succeeds, and the first certificate of the presented chain to
 * expire has at least {@code min-days-left} days left. With {@code server-name} set, the name is
 * sent as SNI and the certificate must be valid for it.
 */
public final class TlsCheck {

    private static final long SECONDS_PER_DAY = 86_400;

    private TlsCheck() {
    }

    public static void run(Target target, Measurements measurements) throws IOException, InterruptedException {
        TargetOptions options = TargetOptions.read(target, "tls",
            List.of("port", "server-name", "ca-file", "verify-chain", "min-days-left"));
        int port = options.port(443);
        String where = Endpoints.of(options.host(), port);
        Optional<String> serverName = options.text("server-name");
        int minDaysLeft = options.integer("min-days-left", 14);
        ChainCapture capture = new ChainCapture(trust(options));
        Metrics metrics = Metrics.of(measurements, options.name(), "tls");

        Connection connection = Connection.open(options, port);
        try (Socket plain = connection.socket()) {
            metrics.record(Metrics.CONNECT_MS, connection.connectMillis());
            long start = System.nanoTime();
            Optional<Exception> failure = handshake(plain, serverName.orElse(options.host()), port, serverName.isPresent(),
                capture, options);
            Optional<X509Certificate> first = capture.presented().stream()
                .min(Comparator.comparing(X509Certificate::getNotAfter));
            first.ifPresent(certificate -> metrics.record(Metrics.TLS_DAYS_LEFT, daysLeft(certificate)));
            if (first.isPresent() && first.get().getNotAfter().toInstant().isBefore(Instant.now())) {
                fail("tls target '%s': the certificate %s presented by %s expired on %s, %d day(s) ago", options.name(),
                    subject(first.get()), where, first.get().getNotAfter().toInstant(), -daysLeft(first.get()));
            }
            if (failure.isPresent()) {
                fail("tls target '%s': TLS handshake with %s failed: %s", options.name(), where, explain(failure.get()));
            }
            metrics.record(Metrics.HANDSHAKE_MS, Texts.millis(System.nanoTime() - start));
            X509Certificate certificate = first.orElseThrow();
            assertThat(daysLeft(certificate))
                .as("days left until the certificate %s presented by %s expires on %s (tls target '%s')",
                    subject(certificate), where, certificate.getNotAfter().toInstant(), options.name())
                .isGreaterThanOrEqualTo(minDaysLeft);
        }
    }

    private static X509ExtendedTrustManager trust(TargetOptions options) throws IOException {
        Optional<String> caFile = options.text("ca-file");
        try {
            if (!options.flag("verify-chain", true)) {
                if (caFile.isPresent()) {
                    throw options.problem("'ca-file' has no effect with 'verify-chain: false'; set one or the other");
                }
                return TrustChoice.presented();
            }
            return caFile.isPresent() ? TrustChoice.caFile(Path.of(caFile.get())) : TrustChoice.system();
        } catch (GeneralSecurityException | IOException e) {
            throw options.problem(caFile.map(file -> "cannot read the CA certificates of 'ca-file' " + file)
                .orElse("cannot load the JDK's trust store") + ": " + e);
        }
    }

    /** Runs the handshake over the connected socket; the failure, if it failed. */
    private static Optional<Exception> handshake(Socket plain, String peerName, int port, boolean verifyName,
            ChainCapture capture, TargetOptions options) throws InterruptedException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509ExtendedTrustManager[] {capture}, null);
            plain.setSoTimeout((int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis()));
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, peerName, port, true);
            if (verifyName) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(peerName)));
                // The JDK's trust manager then checks the certificate's names against peerName.
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
            }
            socket.startHandshake();
            socket.close();
            return Optional.empty();
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted during the TLS handshake");
            }
            return Optional.of(e);
        }
    }

    /**
     * Whole days until the certificate expires, negative once it has: 1.9 days left count as 1, and
     * a certificate that expired 5.1 days ago has -5, as "expired 5 days ago" reads.
     */
    private static long daysLeft(X509Certificate certificate) {
        long seconds = certificate.getNotAfter().toInstant().getEpochSecond() - Instant.now().getEpochSecond();
        return seconds / SECONDS_PER_DAY;
    }

    private static String subject(X509Certificate certificate) {
        return "'" + certificate.getSubjectX500Principal().getName() + "'";
    }

    /** The innermost cause says what was wrong; the outer ones only say where it was noticed. */
    private static String explain(Exception failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return cause == failure ? message : message + " (" + failure.getClass().getSimpleName() + ")";
    }
}
