package dev.medic.packages.http;

import static dev.medic.packages.http.HttpPackage.check;
import static dev.medic.packages.http.HttpPackage.checkOf;
import static dev.medic.packages.http.HttpPackage.measured;
import static dev.medic.packages.http.HttpPackage.message;
import static dev.medic.packages.http.HttpPackage.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.medic.engine.Outcome;
import dev.medic.test.TestRun;

/** Following redirects, not following them, and the limit, against a real HTTP server. */
class RedirectTest {

    private LoopbackServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackServer.http()
            .on("/new", 200, "you made it")
            .on("/old", 301, "", Map.of("Location", "/new"))
            .on("/hop1", 302, "", Map.of("Location", "/hop2"))
            .on("/hop2", 307, "", Map.of("Location", "/new"))
            .on("/see-other", 303, "", Map.of("Location", "/method"))
            .on("/method", exchange -> LoopbackServer.respond(exchange, 200, exchange.getRequestMethod(), Map.of()))
            .on("/loop", 302, "", Map.of("Location", "/loop"))
            .on("/broken", 302, "", Map.of("Location", "ftp://127.0.0.1/file"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void redirectsAreFollowedByDefaultAndTheFinalAnswerCounts() {
        TestRun run = check(target("old", server.url("/old"), "body-contains", "you made it", "expected-status", List.of(200)),
            target("hops", server.url("/hop1"), "expected-status", List.of(200)));

        assertThat(run.outcome(checkOf("old"))).isEqualTo(Outcome.HEALTHY);
        assertThat(run.outcome(checkOf("hops"))).isEqualTo(Outcome.HEALTHY);
        assertThat(measured(run, "http.status_code", "hops")).contains(200.0);
    }

    @Test
    void aSeeOtherAfterAPostContinuesWithGet() {
        TestRun run = check(target("form", server.url("/see-other"), "method", "POST", "body-contains", "GET"));

        assertThat(run.outcome(checkOf("form"))).isEqualTo(Outcome.HEALTHY);
        assertThat(server.requests()).extracting(LoopbackServer.Request::method).containsExactly("POST", "GET");
    }

    @Test
    void withoutFollowingTheRedirectIsTheAnswerAndCountsAsUpByDefault() {
        TestRun run = check(target("old", server.url("/old"), "follow-redirects", false));

        assertThat(run.outcome(checkOf("old"))).isEqualTo(Outcome.HEALTHY);
        assertThat(measured(run, "http.status_code", "old")).contains(301.0);
        assertThat(server.requests()).extracting(LoopbackServer.Request::path).containsExactly("/old");
    }

    @Test
    void withoutFollowingARedirectWhereA200IsExpectedFailsShowingTheLocation() {
        TestRun run = check(target("old", server.url("/old"), "follow-redirects", false, "expected-status", List.of(200)));

        assertThat(run.outcome(checkOf("old"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(message(run, "old")).contains("301", "(Location: /new)", "expected-status 200");
    }

    @Test
    void moreRedirectsThanTheLimitFailWithTheChain() {
        TestRun run = check(target("loop", server.url("/loop"), "max-redirects", 3));

        assertThat(run.outcome(checkOf("loop"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(message(run, "loop")).contains("still redirects", "after 3 redirects", "max-redirects is 3",
            server.url("/loop") + " -> " + server.url("/loop"));
        assertThat(server.requests()).as("the first request and 3 redirects, per attempt")
            .hasSize(4 * run.check(checkOf("loop")).attempts());
    }

    @Test
    void theLimitCountsRedirectsNotRequests() {
        TestRun run = check(target("hops", server.url("/hop1"), "max-redirects", 2, "expected-status", List.of(200)));

        assertThat(run.outcome(checkOf("hops"))).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void aRedirectToSomethingOtherThanHttpFailsNamingIt() {
        TestRun run = check(target("broken", server.url("/broken")));

        assertThat(message(run, "broken")).contains("redirected to 'ftp://127.0.0.1/file'", "not an http(s) URL");
    }
}
