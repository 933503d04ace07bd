package dev.medic.packages.http;

import static dev.medic.packages.http.HttpPackage.check;
import static dev.medic.packages.http.HttpPackage.checkOf;
import static dev.medic.packages.http.HttpPackage.kit;
import static dev.medic.packages.http.HttpPackage.measured;
import static dev.medic.packages.http.HttpPackage.message;
import static dev.medic.packages.http.HttpPackage.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.medic.engine.Measurement;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.test.TestRun;

/** Status codes, timeouts, the response-time limit and the measurements, against a real HTTP server. */
class StatusAndTimingTest {

    private LoopbackServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackServer.http()
            .on("/health", 200, "ok")
            .on("/down", 503, "maintenance")
            .on("/missing", 404, "no such page")
            .on("/created", 201, "")
            .on("/slow", exchange -> {
                // Never answers sooner than 300 ms: a limit of 50 ms cannot pass, however fast the machine.
                sleepQuietly(300);
                LoopbackServer.respond(exchange, 200, "late", Map.of());
            })
            .on("/silent", exchange -> {
                awaitQuietly(release);
                LoopbackServer.respond(exchange, 200, "too late", Map.of());
            });
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.close();
    }

    @Test
    void aTargetThatAnswers200IsHealthyAndRecordsItsStatusAndResponseTime() {
        TestRun run = check(target("shop", server.url("/health")));

        assertThat(run.outcome(checkOf("shop"))).isEqualTo(Outcome.HEALTHY);
        assertThat(measured(run, "http.status_code", "shop")).contains(200.0);
        assertThat(measured(run, "http.response_ms", "shop")).hasValueSatisfying(ms -> assertThat(ms).isPositive());
        assertThat(run.measurements()).allSatisfy(measurement ->
            assertThat(measurement.tags()).isEqualTo(Map.of("target", "shop")));
        assertThat(measured(run, "http.certificate_days_left", "shop")).as("no certificate over plain http").isEmpty();
    }

    @Test
    void a503IsDownByDefaultAndTheMessageSaysWhatWasExpectedAndFound() {
        TestRun run = check(target("shop", server.url("/down")));

        assertThat(run.outcome(checkOf("shop"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.reason(checkOf("shop"))).isEqualTo(Reason.CHECK_ONLY);
        assertThat(message(run, "shop")).contains("target 'shop'", "GET " + server.url("/down"), "503", "100-399");
        assertThat(measured(run, "http.status_code", "shop")).as("measured before the assertion").contains(503.0);
    }

    @Test
    void a404IsDownByDefault() {
        TestRun run = check(target("shop", server.url("/missing")));

        assertThat(run.outcome(checkOf("shop"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(message(run, "shop")).contains("404");
    }

    @Test
    void underMedicRunAFailingTargetIsUnresolvedWithoutARepair() {
        TestRun run = kit(target("shop", server.url("/down"))).run();

        assertThat(run.reason(checkOf("shop"))).isEqualTo(Reason.NO_REPAIR);
        assertThat(run.repairs()).isEmpty();
    }

    @Test
    void explicitCodesRangesAndClassesReplaceTheDefault() {
        TestRun run = check(
            target("listed", server.url("/missing"), "expected-status", List.of(200, 404)),
            target("range", server.url("/created"), "expected-status", List.of("200-204")),
            target("class", server.url("/down"), "expected-status", List.of("5xx")),
            target("not-listed", server.url("/health"), "expected-status", List.of(204)));

        assertThat(run.outcome(checkOf("listed"))).isEqualTo(Outcome.HEALTHY);
        assertThat(run.outcome(checkOf("range"))).isEqualTo(Outcome.HEALTHY);
        assertThat(run.outcome(checkOf("class"))).isEqualTo(Outcome.HEALTHY);
        assertThat(run.outcome(checkOf("not-listed"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(message(run, "not-listed")).contains("200", "expected-status 204");
    }

    @Test
    void aPackageWideExpectedStatusAppliesToEveryTargetThatSetsNone() {
        TestRun run = kit(target("shop", server.url("/down")), target("own", server.url("/down"),
            "expected-status", List.of("2xx")))
            .setting("expected-status", List.of(503)).check();

        assertThat(run.outcome(checkOf("shop"))).isEqualTo(Outcome.HEALTHY);
        assertThat(run.outcome(checkOf("own"))).isEqualTo(Outcome.UNRESOLVED);
    }

    @Test
    void eachTargetIsItsOwnCheck() {
        TestRun run = check(target("up", server.url("/health")), target("down", server.url("/down")),
            target("off", server.url("/down"), "enabled", false));

        assertThat(run.checks()).extracting(record -> record.check().name(), record -> record.outcome())
            .containsExactly(org.assertj.core.groups.Tuple.tuple(checkOf("up"), Outcome.HEALTHY),
                org.assertj.core.groups.Tuple.tuple(checkOf("down"), Outcome.UNRESOLVED));
        assertThat(run.measurements()).extracting(measurement -> measurement.tags().get("target"))
            .containsOnly("up", "down");
    }

    @Test
    void nothingListeningFailsNamingTheRequestAndTheCause() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        TestRun run = check(target("gone", "http://127.0.0.1:" + closedPort + "/health"));

        assertThat(run.outcome(checkOf("gone"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(message(run, "gone")).contains("target 'gone'", "GET http://127.0.0.1:" + closedPort,
            "ConnectException");
        assertThat(run.measurements()).as("nothing was measured").isEmpty();
    }

    @Test
    void aResponseSlowerThanTheLimitFailsWithTheTimeAndTheLimit() {
        TestRun run = check(target("slow", server.url("/slow"), "max-response-time", "50ms"));

        assertThat(run.outcome(checkOf("slow"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(message(run, "slow")).contains("response time", "max-response-time 50 ms", "to be less than or equal to: 50");
        assertThat(measured(run, "http.response_ms", "slow")).hasValueSatisfying(ms ->
            assertThat(ms).isGreaterThanOrEqualTo(300));
    }

    @Test
    void aResponseWithinTheLimitPasses() {
        TestRun run = check(target("slow", server.url("/slow"), "max-response-time", "20s"));

        assertThat(run.outcome(checkOf("slow"))).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void aServerThatStaysSilentFailsAtTheReadTimeout() {
        TestRun run = check(target("silent", server.url("/silent"), "read-timeout", "200ms"));

        assertThat(run.outcome(checkOf("silent"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(message(run, "silent")).contains("SocketTimeoutException", "Read timed out");
    }

    @Test
    void aServerThatNeverAcceptsFailsAtTheConnectTimeout() throws IOException {
        // A listening socket that never accepts, its backlog filled: Linux then drops further
        // SYNs, so the next connection attempt waits until its own timeout.
        try (ServerSocket full = new ServerSocket()) {
            full.bind(new InetSocketAddress("127.0.0.1", 0), 1);
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket filler = new Socket();
                    try {
                        filler.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(filler);
                    } catch (IOException backlogFull) {
                        filler.close();
                        break;
                    }
                }

                TestRun run = check(target("full", "http://127.0.0.1:" + full.getLocalPort() + "/",
                    "connect-timeout", "300ms", "read-timeout", "300ms"));

                assertThat(run.outcome(checkOf("full"))).isEqualTo(Outcome.UNRESOLVED);
                assertThat(message(run, "full")).contains("SocketTimeoutException");
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void aMisspeltKeyInATargetFailsItsCheckNamingTheKey() {
        TestRun run = check(target("typo", server.url("/health"), "expect-status", List.of(200)));

        assertThat(run.outcome(checkOf("typo"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(message(run, "typo")).contains("target 'typo'", "unknown key(s) expect-status", "expected-status");
    }

    @Test
    void aValueThatDoesNotFitItsKeyFailsTheCheckNamingTheTargetAndKey() {
        TestRun run = check(target("bad", server.url("/health"), "expected-status", List.of("ok")));

        assertThat(message(run, "bad")).contains("target 'bad'", "expected-status entry 'ok'");
    }

    @Test
    void aTargetWithoutAUrlFailsSayingSo() {
        Map<String, Object> noUrl = new java.util.LinkedHashMap<>(target("nourl", "x"));
        noUrl.remove("url");

        TestRun run = check(noUrl);

        assertThat(message(run, "nourl")).contains("target 'nourl': has no url");
    }

    @Test
    void measurementsComeFromTheCheckItself() {
        TestRun run = check(target("shop", server.url("/health")));

        assertThat(run.measurements()).extracting(Measurement::source).containsOnly(checkOf("shop"));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
