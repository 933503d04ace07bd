package dev.medic.packages.http;

import static dev.medic.packages.http.HttpPackage.check;
import static dev.medic.packages.http.HttpPackage.checkOf;
import static dev.medic.packages.http.HttpPackage.measured;
import static dev.medic.packages.http.HttpPackage.message;
import static dev.medic.packages.http.HttpPackage.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.Outcome;
import dev.medic.test.TestRun;

/**
 * HTTPS with certificates made by keytool for this test: one valid for a year, one that expires
 * within a day, and the certificate-days check on both.
 */
class TlsTest {

    @TempDir
    static Path dir;

    private static TestCertificate fresh;
    private static TestCertificate expiring;
    private static LoopbackServer freshServer;
    private static LoopbackServer expiringServer;
    private static LoopbackServer plainServer;

    @BeforeAll
    static void startServers() throws Exception {
        fresh = TestCertificate.create(dir, "fresh", 0, 365);
        // Valid from 9 days ago for 10 days: expires in less than one day.
        expiring = TestCertificate.create(dir, "expiring", 9, 10);
        freshServer = LoopbackServer.https(fresh).on("/health", 200, "secure");
        expiringServer = LoopbackServer.https(expiring).on("/health", 200, "secure");
        plainServer = LoopbackServer.http().on("/login", 302, "", Map.of("Location", freshServer.url("/health")));
    }

    @AfterAll
    static void stopServers() {
        freshServer.close();
        expiringServer.close();
        plainServer.close();
    }

    @Test
    void aTrustedCertificateWithAYearLeftIsHealthyAndItsDaysLeftAreMeasured() {
        TestRun run = check(target("secure", freshServer.url("/health"), "ca-file", fresh.pem().toString()));

        assertThat(run.outcome(checkOf("secure"))).isEqualTo(Outcome.HEALTHY);
        assertThat(measured(run, "http.certificate_days_left", "secure")).hasValueSatisfying(days ->
            assertThat(days).isBetween(363.0, 365.0));
    }

    @Test
    void aCertificateWithFewerDaysLeftThanTheMinimumFailsWithItsExpiryDate() {
        TestRun run = check(target("expiring", expiringServer.url("/health"), "ca-file", expiring.pem().toString()));

        assertThat(run.outcome(checkOf("expiring"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(message(run, "expiring")).contains("target 'expiring'", "days left on the certificate of 127.0.0.1",
            "CN=localhost", "expires 20", "min-certificate-days 14", "Expecting actual: 0 to be greater than or equal to: 14");
        assertThat(measured(run, "http.certificate_days_left", "expiring")).contains(0.0);
    }

    @Test
    void aMinimumOfZeroTurnsTheExpiryCheckOff() {
        TestRun run = check(target("expiring", expiringServer.url("/health"), "ca-file", expiring.pem().toString(),
            "min-certificate-days", 0));

        assertThat(run.outcome(checkOf("expiring"))).isEqualTo(Outcome.HEALTHY);
        assertThat(measured(run, "http.certificate_days_left", "expiring")).as("still measured").contains(0.0);
    }

    @Test
    void aCertificateNobodyTrustsFailsTheHandshake() {
        TestRun run = check(target("untrusted", freshServer.url("/health")),
            target("wrong-ca", freshServer.url("/health"), "ca-file", expiring.pem().toString()));

        assertThat(message(run, "untrusted")).contains("target 'untrusted'", "SSLHandshakeException");
        assertThat(message(run, "wrong-ca")).contains("SSLHandshakeException");
        assertThat(run.measurements()).isEmpty();
    }

    @Test
    void aHostTheCertificateDoesNotNameFailsTheHandshake() throws Exception {
        TestCertificate localhostOnly = TestCertificate.create(dir, "localhost-only", 0, 365, "dns:localhost");
        try (LoopbackServer server = LoopbackServer.https(localhostOnly).on("/health", 200, "secure")) {

            TestRun run = check(target("misnamed", server.url("/health"), "ca-file", localhostOnly.pem().toString()));

            assertThat(run.outcome(checkOf("misnamed"))).isEqualTo(Outcome.UNRESOLVED);
            assertThat(message(run, "misnamed")).contains("SSLHandshakeException",
                "No subject alternative names matching IP address 127.0.0.1");
        }
    }

    @Test
    void aRedirectFromHttpToHttpsIsFollowedAndTheCertificateChecked() {
        TestRun run = check(target("login", plainServer.url("/login"), "ca-file", fresh.pem().toString(),
            "body-contains", "secure"));

        assertThat(run.outcome(checkOf("login"))).isEqualTo(Outcome.HEALTHY);
        assertThat(measured(run, "http.certificate_days_left", "login")).isPresent();
    }

    @Test
    void anUnreadableCaFileFailsNamingIt() {
        TestRun run = check(target("secure", freshServer.url("/health"), "ca-file", dir.resolve("nope.pem").toString()));

        assertThat(message(run, "secure")).contains("target 'secure'", "cannot read ca-file", "nope.pem",
            "NoSuchFileException");
    }
}
