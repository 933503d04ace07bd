package dev.medic.packages.http;

import static dev.medic.packages.http.HttpPackage.check;
import static dev.medic.packages.http.HttpPackage.checkOf;
import static dev.medic.packages.http.HttpPackage.message;
import static dev.medic.packages.http.HttpPackage.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.Outcome;
import dev.medic.test.TestRun;

/**
 * Basic and bearer credentials from the environment or a file, never inline, never shown. The
 * surefire configuration sets MEDIC_HTTP_TEST_PASSWORD and MEDIC_HTTP_TEST_TOKEN for this JVM.
 */
class CredentialTest {

    private static final String ENV_PASSWORD = "s3cret-from-env";
    private static final String ENV_TOKEN = "token-from-env";

    @TempDir
    Path dir;

    private LoopbackServer server;
    private LoopbackServer elsewhere;

    @BeforeEach
    void startServers() throws IOException {
        elsewhere = LoopbackServer.http().on("/", 200, "other origin");
        server = LoopbackServer.http()
            .on("/basic", exchange -> LoopbackServer.respond(exchange,
                basic("monitor", ENV_PASSWORD).equals(exchange.getRequestHeaders().getFirst("Authorization")) ? 200 : 401,
                "", Map.of()))
            .on("/bearer", exchange -> LoopbackServer.respond(exchange,
                "Bearer token-from-file".equals(exchange.getRequestHeaders().getFirst("Authorization")) ? 200 : 401,
                "", Map.of()))
            .on("/away", 302, "", Map.of("Location", elsewhere.url("/")));
    }

    @AfterEach
    void stopServers() {
        server.close();
        elsewhere.close();
    }

    @Test
    void theEnvironmentIsAssumedToHoldTheTestSecrets() {
        assertThat(System.getenv("MEDIC_HTTP_TEST_PASSWORD")).as("set by the surefire configuration").isEqualTo(ENV_PASSWORD);
    }

    @Test
    void basicAuthTakesItsPasswordFromTheEnvironment() {
        TestRun run = check(target("basic", server.url("/basic"), "username", "monitor",
            "password", Map.of("env", "MEDIC_HTTP_TEST_PASSWORD")));

        assertThat(run.outcome(checkOf("basic"))).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void aWrongPasswordIsRefusedByTheServerAndTheMessageDoesNotShowIt() {
        TestRun run = check(target("basic", server.url("/basic"), "username", "monitor",
            "password", Map.of("env", "MEDIC_HTTP_TEST_TOKEN")));

        assertThat(run.outcome(checkOf("basic"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(message(run, "basic")).contains("401").doesNotContain(ENV_TOKEN)
            .doesNotContain(Base64.getEncoder().encodeToString(("monitor:" + ENV_TOKEN).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBearerTokenComesFromAFileWithoutItsTrailingNewline() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "token-from-file\n");

        TestRun run = check(target("bearer", server.url("/bearer"), "bearer-token", Map.of("file", token.toString())));

        assertThat(run.outcome(checkOf("bearer"))).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void anInlineSecretIsRefusedWithoutRepeatingIt() {
        TestRun run = check(
            target("inline", server.url("/basic"), "username", "monitor", "password", "hunter2"),
            target("inline-map", server.url("/bearer"), "bearer-token", Map.of("value", "hunter3")));

        assertThat(message(run, "inline")).contains("setting 'password' must be {env: NAME} or {file: PATH}")
            .doesNotContain("hunter2");
        assertThat(message(run, "inline-map")).contains("setting 'bearer-token' must be {env: NAME} or {file: PATH}")
            .doesNotContain("hunter3");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anAuthorizationHeaderInRequestHeadersIsRefused() {
        TestRun run = check(target("sneaky", server.url("/bearer"),
            "request-headers", Map.of("Authorization", "Bearer token-from-file")));

        assertThat(run.outcome(checkOf("sneaky"))).isEqualTo(Outcome.UNRESOLVED);
        assertThat(message(run, "sneaky")).contains("request-headers must not set Authorization")
            .doesNotContain("token-from-file");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anUnsetVariableFailsNamingTheVariable() {
        TestRun run = check(target("unset", server.url("/bearer"),
            "bearer-token", Map.of("env", "MEDIC_HTTP_TEST_NOT_SET")));

        assertThat(message(run, "unset")).contains("cannot read its credential", "MEDIC_HTTP_TEST_NOT_SET is not set");
    }

    @Test
    void theCredentialIsNotSentToAnotherOriginARedirectPointsTo() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "token-from-file");

        TestRun run = check(target("away", server.url("/away"), "bearer-token", Map.of("file", token.toString())));

        assertThat(run.outcome(checkOf("away"))).isEqualTo(Outcome.HEALTHY);
        assertThat(server.requests()).singleElement().satisfies(request ->
            assertThat(request.header("Authorization")).isEqualTo("Bearer token-from-file"));
        assertThat(elsewhere.requests()).singleElement().satisfies(request ->
            assertThat(request.header("Authorization")).isNull());
    }

    @Test
    void usernameWithoutPasswordIsRefused() {
        TestRun run = check(target("half", server.url("/basic"), "username", "monitor"));

        assertThat(message(run, "half")).contains("target 'half': sets username but no password");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
