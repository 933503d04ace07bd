package dev.medic.packages.http;

import static dev.medic.packages.http.HttpPackage.check;
import static dev.medic.packages.http.HttpPackage.checkOf;
import static dev.medic.packages.http.HttpPackage.kit;
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

/** Body text, regular expressions, JSON paths, headers and the request itself, against a real HTTP server. */
class BodyAndHeaderTest {

    private static final String HEALTH_JSON = """
        {"status": "UP", "version": "2.4.1", "uptime": 3600,
         "checks": [{"name": "db", "ok": true}, {"name": "cache", "ok": false}],
         "db.primary": {"host": "10.0.0.5"}}
        """;

    private LoopbackServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackServer.http()
            .on("/health", 200, "status: all systems operational, build 1234")
            .on("/json", 200, HEALTH_JSON, Map.of("Content-Type", "application/json"))
            .on("/html", 200, "<html><body>" + "x".repeat(5000) + "</body></html>")
            .on("/headers", 200, "ok", Map.of("Cache-Control", "no-store", "X-Version", "2.4.1"))
            .on("/echo", exchange -> LoopbackServer.respond(exchange, 200, exchange.getRequestMethod(), Map.of()));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void bodyContainsPassesWhenTheTextIsThere() {
        TestRun run = check(target("shop", server.url("/health"), "body-contains", "all systems operational"));

        assertThat(run.outcome(checkOf("shop"))).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void bodyContainsFailsShowingTheExpectedTextAndAnExcerptOfTheBody() {
        TestRun run = check(target("page", server.url("/html"), "body-contains", "Welcome"));

        assertThat(run.outcome(checkOf("page"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(message(run, "page")).contains("body of GET", "<html><body>xxx", "(5026 characters)", "Welcome")
            .hasSizeLessThan(800);
    }

    @Test
    void bodyMatchesPassesWhenTheExpressionMatchesSomewhere() {
        TestRun run = check(target("shop", server.url("/health"), "body-matches", "build \\d+"));

        assertThat(run.outcome(checkOf("shop"))).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void bodyMatchesFailsNamingThePattern() {
        TestRun run = check(target("shop", server.url("/health"), "body-matches", "version \\d+\\.\\d+"));

        assertThat(run.outcome(checkOf("shop"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(message(run, "shop")).contains("version \\d+\\.\\d+", "all systems operational");
    }

    @Test
    void anInvalidRegularExpressionFailsTheCheckSayingWhy() {
        TestRun run = check(target("shop", server.url("/health"), "body-matches", "build (\\d+"));

        assertThat(message(run, "shop")).contains("target 'shop'", "body-matches is not a valid regular expression");
    }

    @Test
    void jsonEqualsPassesWhenEveryPathNamesItsValue() {
        TestRun run = check(target("api", server.url("/json"), "json-equals", Map.of(
            "$.status", "UP", "$.uptime", 3600, "$.checks[0].ok", true, "$.checks[-1].name", "cache",
            "$['db.primary'].host", "10.0.0.5", "$.checks[1]", Map.of("name", "cache", "ok", false))));

        assertThat(run.outcome(checkOf("api"))).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void jsonEqualsFailsWithThePathTheExpectedAndTheFoundValue() {
        TestRun run = check(target("api", server.url("/json"), "json-equals", Map.of("$.status", "DOWN")));

        assertThat(run.outcome(checkOf("api"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(message(run, "api")).contains("$.status", "\"UP\" (a string)", "equal to \"DOWN\" (a string)");
    }

    @Test
    void jsonEqualsTellsANumberFromTheSameDigitsInAString() {
        TestRun run = check(target("api", server.url("/json"), "json-equals", Map.of("$.version", 2.4)));

        assertThat(message(run, "api")).contains("\"2.4.1\" (a string)", "equal to 2.4 (a number)");
    }

    @Test
    void jsonEqualsFailsNamingTheStepThatIsMissing() {
        TestRun run = check(target("api", server.url("/json"), "json-equals", Map.of("$.checks[5].ok", true)));

        assertThat(message(run, "api")).contains("$.checks has 2 items, so no [5]");
    }

    @Test
    void jsonEqualsOnABodyThatIsNotJsonFailsSayingSo() {
        TestRun run = check(target("page", server.url("/html"), "json-equals", Map.of("$.status", "UP")));

        assertThat(message(run, "page")).contains("is not JSON", "not valid JSON at character 1");
    }

    @Test
    void anUnsupportedJsonPathFailsTheCheckNamingIt() {
        TestRun run = check(target("api", server.url("/json"), "json-equals", Map.of("$.checks[*].ok", true)));

        assertThat(message(run, "api")).contains("JSON path '$.checks[*].ok' is not supported");
    }

    @Test
    void requiredHeadersPassWhenPresentInAnyCase() {
        TestRun run = check(target("shop", server.url("/headers"), "required-headers", List.of("cache-control", "X-VERSION")));

        assertThat(run.outcome(checkOf("shop"))).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void aMissingRequiredHeaderFailsNamingIt() {
        TestRun run = check(target("shop", server.url("/headers"), "required-headers", List.of("Strict-Transport-Security")));

        assertThat(message(run, "shop")).contains("required-headers", "to have one named Strict-Transport-Security")
            .containsIgnoringCase("\"Cache-Control\"");
    }

    @Test
    void headerEqualsPassesAndFailsOnTheValue() {
        TestRun run = check(
            target("same", server.url("/headers"), "header-equals", Map.of("X-Version", "2.4.1")),
            target("other", server.url("/headers"), "header-equals", Map.of("X-Version", "2.5.0")));

        assertThat(run.outcome(checkOf("same"))).isEqualTo(Outcome.HEALTHY);
        assertThat(run.outcome(checkOf("other"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(message(run, "other")).contains("X-Version", "[\"2.4.1\"]", "to have a value equal to \"2.5.0\"");
    }

    @Test
    void theMethodAndRequestHeadersAreSent() {
        TestRun run = kit(target("post", server.url("/echo"), "method", "post", "body-contains", "POST"),
            target("head", server.url("/echo"), "method", "HEAD"))
            .setting("request-headers", Map.of("Accept", "application/json", "X-Probe", "medic")).check();

        assertThat(run.outcome(checkOf("post"))).isEqualTo(Outcome.HEALTHY);
        assertThat(run.outcome(checkOf("head"))).isEqualTo(Outcome.HEALTHY);
        assertThat(server.requests()).extracting(LoopbackServer.Request::method).containsExactly("POST", "HEAD");
        assertThat(server.requests()).allSatisfy(request -> {
            assertThat(request.header("Accept")).isEqualTo("application/json");
            assertThat(request.header("X-Probe")).isEqualTo("medic");
            assertThat(request.header("User-Agent")).isEqualTo("medic-http");
            assertThat(request.header("Connection")).as("a fresh connection each time").isEqualTo("close");
        });
    }

    @Test
    void anUnsupportedMethodFailsTheCheckListingTheSupportedOnes() {
        TestRun run = check(target("patch", server.url("/echo"), "method", "PATCH"));

        assertThat(message(run, "patch")).contains("method 'PATCH' is not supported", "GET");
    }

    @Test
    void aHeaderTheConnectionWouldDropIsRefusedInsteadOfIgnored() {
        TestRun run = check(target("vhost", server.url("/echo"), "request-headers", Map.of("Host", "shop.example")));

        assertThat(message(run, "vhost")).contains("request-headers cannot set Host");
        assertThat(server.requests()).isEmpty();
    }
}
