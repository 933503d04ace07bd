package dev.medic.packages.network;

import static dev.medic.packages.network.NetworkKit.measured;
import static dev.medic.packages.network.NetworkKit.runTargets;
import static dev.medic.packages.network.NetworkKit.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.Outcome;
import dev.medic.packages.network.peers.GreetingServer;
import dev.medic.packages.network.peers.Loopback;
import dev.medic.packages.network.peers.TestCertificate;
import dev.medic.packages.network.peers.TlsServer;
import dev.medic.test.TestRun;

/**
 * {@code tls} targets against the JDK's SSLServerSocket on 127.0.0.1, presenting certificates the
 * test makes with keytool: valid for a year, expiring tomorrow, and expired five days ago.
 */
class TlsTest {

    @TempDir
    static Path dir;

    private static TestCertificate valid;
    private static TestCertificate expiringTomorrow;
    private static TestCertificate expired;

    @BeforeAll
    static void makeCertificates() throws Exception {
        valid = TestCertificate.create(dir, "valid", 0, 365);
        expiringTomorrow = TestCertificate.create(dir, "expiring", 0, 2);
        expired = TestCertificate.create(dir, "expired", 10, 5);
    }

    private static Map<String, Object> tls(String name, int port, Object... more) {
        Map<String, Object> target = target("name", name, "host", "127.0.0.1", "port", port);
        target.putAll(target(more));
        return target;
    }

    @Test
    void aTrustedCertificateWithEnoughDaysLeftIsHealthyAndItsDaysLeftAreRecorded() throws Exception {
        try (TlsServer server = TlsServer.presenting(valid)) {
            TestRun run = runTargets("tls", tls("web", server.port(), "ca-file", valid.pem().toString(),
                "server-name", "localhost"));

            assertThat(run.outcome("NetworkChecks.tls[web]")).as(run.check("NetworkChecks.tls[web]").message())
                .isEqualTo(Outcome.HEALTHY);
            assertThat(measured(run, "network.tls.days_left", "web")).singleElement().satisfies(measurement -> {
                assertThat(measurement.value()).isBetween(363.0, 365.0);
                assertThat(measurement.tags()).isEqualTo(Map.of("target", "web", "protocol", "tls"));
            });
            assertThat(measured(run, "network.handshake_ms", "web")).singleElement()
                .satisfies(measurement -> assertThat(measurement.value()).isPositive());
            assertThat(measured(run, "network.connect_ms", "web")).hasSize(1);
        }
    }

    @Test
    void aCertificateExpiringTomorrowIsUnresolvedBelowTheDaysLeftThreshold() throws Exception {
        try (TlsServer server = TlsServer.presenting(expiringTomorrow)) {
            TestRun run = runTargets("tls", tls("web", server.port(), "ca-file", expiringTomorrow.pem().toString(),
                "min-days-left", 14));

            assertThat(run.outcome("NetworkChecks.tls[web]")).isEqualTo(Outcome.UNRESOLVED);
            assertThat(run.check("NetworkChecks.tls[web]").message())
                .contains("days left until the certificate 'CN=localhost' presented by 127.0.0.1:" + server.port())
                .contains("greater than or equal to:").contains("14");
            // a failing check is retried, so each attempt recorded its days left
            assertThat(measured(run, "network.tls.days_left", "web")).isNotEmpty()
                .allSatisfy(measurement -> assertThat(measurement.value()).isEqualTo(1.0));
        }
    }

    @Test
    void theSameCertificatePassesWithALowerThreshold() throws Exception {
        try (TlsServer server = TlsServer.presenting(expiringTomorrow)) {
            TestRun run = runTargets("tls", tls("web", server.port(), "ca-file", expiringTomorrow.pem().toString(),
                "min-days-left", 1));

            assertThat(run.outcome("NetworkChecks.tls[web]")).as(run.check("NetworkChecks.tls[web]").message())
                .isEqualTo(Outcome.HEALTHY);
        }
    }

    @Test
    void anExpiredCertificateIsUnresolvedSayingWhenItExpired() throws Exception {
        try (TlsServer server = TlsServer.presenting(expired)) {
            TestRun run = runTargets("tls", tls("web", server.port(), "ca-file", expired.pem().toString()));

            assertThat(run.outcome("NetworkChecks.tls[web]")).isEqualTo(Outcome.UNRESOLVED);
            assertThat(run.check("NetworkChecks.tls[web]").message())
                .contains("tls target 'web': the certificate 'CN=localhost' presented by 127.0.0.1:" + server.port())
                .contains("expired on").contains("5 day(s) ago");
            assertThat(measured(run, "network.tls.days_left", "web")).isNotEmpty()
                .allSatisfy(measurement -> assertThat(measurement.value()).isEqualTo(-5.0));
        }
    }

    @Test
    void anExpiredCertificateIsUnresolvedEvenWithoutVerifyingTheChain() throws Exception {
        try (TlsServer server = TlsServer.presenting(expired)) {
            TestRun run = runTargets("tls", tls("web", server.port(), "verify-chain", false));

            assertThat(run.check("NetworkChecks.tls[web]").message()).contains("expired on").contains("5 day(s) ago");
        }
    }

    @Test
    void aSelfSignedCertificateIsUntrustedByTheJdkTrustStore() throws Exception {
        try (TlsServer server = TlsServer.presenting(valid)) {
            TestRun run = runTargets("tls", tls("web", server.port()));

            assertThat(run.outcome("NetworkChecks.tls[web]")).isEqualTo(Outcome.UNRESOLVED);
            assertThat(run.check("NetworkChecks.tls[web]").message())
                .contains("tls target 'web': TLS handshake with 127.0.0.1:" + server.port() + " failed")
                .contains("unable to find valid certification path");
            assertThat(measured(run, "network.tls.days_left", "web")).isNotEmpty()
                .allSatisfy(measurement -> assertThat(measurement.value()).isGreaterThan(300));
        }
    }

    @Test
    void aSelfSignedCertificateIsHealthyWithoutVerifyingTheChain() throws Exception {
        try (TlsServer server = TlsServer.presenting(valid)) {
            TestRun run = runTargets("tls", tls("web", server.port(), "verify-chain", false, "server-name", "localhost"));

            assertThat(run.outcome("NetworkChecks.tls[web]")).as(run.check("NetworkChecks.tls[web]").message())
                .isEqualTo(Outcome.HEALTHY);
        }
    }

    @Test
    void aCertificateForAnotherNameIsUnresolved() throws Exception {
        try (TlsServer server = TlsServer.presenting(valid)) {
            TestRun run = runTargets("tls", tls("web", server.port(), "ca-file", valid.pem().toString(),
                "server-name", "shop.example.org"));

            assertThat(run.outcome("NetworkChecks.tls[web]")).isEqualTo(Outcome.UNRESOLVED);
            assertThat(run.check("NetworkChecks.tls[web]").message()).contains("failed")
                .contains("shop.example.org");
        }
    }

    @Test
    void theHostNameIsCheckedEvenWithoutVerifyingTheChain() throws Exception {
        try (TlsServer server = TlsServer.presenting(valid)) {
            TestRun run = runTargets("tls", tls("web", server.port(), "verify-chain", false,
                "server-name", "shop.example.org"));

            assertThat(run.check("NetworkChecks.tls[web]").message()).contains("shop.example.org");
        }
    }

    @Test
    void aServerThatDoesNotSpeakTlsIsUnresolved() throws Exception {
        try (GreetingServer plain = GreetingServer.greeting("220 mail.example.org ESMTP")) {
            TestRun run = runTargets("tls", tls("web", plain.port(), "verify-chain", false, "timeout", "2s"));

            assertThat(run.outcome("NetworkChecks.tls[web]")).isEqualTo(Outcome.UNRESOLVED);
            assertThat(run.check("NetworkChecks.tls[web]").message()).contains("TLS handshake with 127.0.0.1:"
                + plain.port() + " failed");
            assertThat(measured(run, "network.tls.days_left", "web")).isEmpty();
        }
    }

    @Test
    void aTlsPortNothingListensOnIsUnresolved() {
        TestRun run = runTargets("tls", tls("web", Loopback.freePort(), "verify-chain", false));

        assertThat(run.check("NetworkChecks.tls[web]").message()).contains("tls target 'web': could not connect");
    }

    @Test
    void aCaFileThatCannotBeReadIsReportedAsAProblemOfTheTarget() throws Exception {
        try (TlsServer server = TlsServer.presenting(valid)) {
            TestRun run = runTargets("tls", tls("web", server.port(), "ca-file", dir.resolve("missing.pem").toString()));

            assertThat(run.check("NetworkChecks.tls[web]").message())
                .contains("tls target 'web': cannot read the CA certificates of 'ca-file'").contains("missing.pem");
        }
    }
}
