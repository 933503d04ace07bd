package dev.medic.packages.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.assertj.core.api.Condition;
import org.assertj.core.presentation.Representation;
import org.assertj.core.presentation.StandardRepresentation;

/**
 * The assertions one target's answer must pass, in the order an operator would look: did it
 * answer as expected, fast enough, with the right headers and body, and over a certificate that
 * is not about to expire. The first that fails ends the check; its message names the target,
 * the request, what was expected and what was found.
 */
public final class HttpExpectations {

    /** Bodies in messages are cut to this many characters, so that the expectation stays visible. */
    private static final int EXCERPT = 160;

    /** Shows long texts (bodies) as an excerpt with their length, and numbers without Java's {@code L}. */
    private static final Representation READABLE = new StandardRepresentation() {
        @Override
        public String toStringOf(Object object) {
            if (object instanceof String text && text.length() > EXCERPT) {
                return super.toStringOf(text.substring(0, EXCERPT)) + "... (" + text.length() + " characters)";
            }
            if (object instanceof Long number) {
                return number.toString();
            }
            return super.toStringOf(object);
        }
    };

    /** Shows JSON values as JSON with their kind, so that "200" and 200 are told apart. */
    private static final Representation JSON = new StandardRepresentation() {
        @Override
        public String toStringOf(Object object) {
            boolean json = object == null || object instanceof String || object instanceof Number
                || object instanceof Boolean || object instanceof Map<?, ?> || object instanceof List<?>;
            return json ? JsonValues.describe(object) : super.toStringOf(object);
        }
    };

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private HttpExpectations() {
    }

    /** Asserts every expectation of a target against its answer. */
    public static void verify(HttpTargetOptions options, HttpExchange exchange, Instant now) {
        String target = "target '" + options.name() + "'";
        String request = exchange.request();
        exchange.unfollowedRedirect().ifPresent(next -> fail("%s: %s still redirects (to %s) after %d redirects; "
            + "max-redirects is %d: %s", target, options.url(), next, exchange.redirects().size(),
            options.maxRedirects(), chain(options.url(), exchange.redirects())));

        assertThat(exchange.status()).as("%s: status of %s%s", target, request, location(exchange))
            .is(new Condition<>(options.expectedStatus()::contains, "in expected-status %s", options.expectedStatus()));

        options.maxResponseTime().ifPresent(limit -> assertThat(exchange.elapsed().toMillis())
            .as("%s: response time of %s in ms (max-response-time %d ms)", target, request, limit.toMillis())
            .withRepresentation(READABLE).isLessThanOrEqualTo(limit.toMillis()));

        for (String header : options.requiredHeaders()) {
            assertThat(exchange.headers().keySet()).as("%s: response headers of %s (required-headers)", target, request)
                .has(new Condition<>(names -> names.stream().anyMatch(header::equalsIgnoreCase), "one named %s",
                    header));
        }
        options.headerEquals().forEach((header, value) ->
            assertThat(exchange.header(header)).as("%s: values of response header %s of %s (header-equals)", target,
                header, request).has(new Condition<>(values -> values.contains(value), "a value equal to \"%s\"",
                    value)));

        options.bodyContains().ifPresent(text -> assertThat(exchange.body())
            .as("%s: body of %s%s", target, request, truncated(exchange)).withRepresentation(READABLE).contains(text));
        options.bodyMatches().ifPresent(regex -> assertThat(exchange.body())
            .as("%s: body of %s%s", target, request, truncated(exchange)).withRepresentation(READABLE)
            .containsPattern(Pattern.compile(regex)));

        if (!options.jsonEquals().isEmpty()) {
            verifyJson(options, exchange, target);
        }

        exchange.certificate().filter(certificate -> options.minCertificateDays() > 0).ifPresent(certificate ->
            assertThat(certificate.daysLeft(now))
                .as("%s: days left on the certificate of %s (%s, expires %s; min-certificate-days %d)", target,
                    certificate.host(), certificate.subject(), DAY.format(certificate.notAfter()),
                    options.minCertificateDays())
                .withRepresentation(READABLE).isGreaterThanOrEqualTo((long) options.minCertificateDays()));
    }

    private static void verifyJson(HttpTargetOptions options, HttpExchange exchange, String target) {
        Object document;
        try {
            document = Json.parse(exchange.body());
        } catch (Json.JsonException e) {
            fail("%s: the body of %s is %s, so json-equals cannot be checked: %s (body starts %s)", target,
                exchange.request(), exchange.bodyTruncated() ? "cut at 1 MiB" : "not JSON", e.getMessage(),
                READABLE.toStringOf(exchange.body()));
            return;
        }
        for (Map.Entry<String, Object> expectation : options.jsonEquals().entrySet()) {
            JsonPath path = JsonPath.parse(expectation.getKey());
            Object expected = expectation.getValue();
            JsonPath.Lookup lookup = path.lookup(document);
            if (lookup instanceof JsonPath.Lookup.Missing missing) {
                fail("%s: json-equals expects %s = %s in the body of %s, but %s", target, path,
                    JsonValues.describe(expected), exchange.request(), missing.why());
            }
            assertThat(((JsonPath.Lookup.Found) lookup).value())
                .as("%s: %s in the body of %s", target, path, exchange.request()).withRepresentation(JSON)
                .is(new Condition<>(value -> JsonValues.matches(expected, value), "equal to %s",
                    JsonValues.describe(expected)));
        }
    }

    private static String location(HttpExchange exchange) {
        List<String> location = exchange.header("Location");
        return exchange.status() / 100 == 3 && !location.isEmpty() ? " (Location: " + location.get(0) + ")" : "";
    }

    private static String truncated(HttpExchange exchange) {
        return exchange.bodyTruncated() ? " (first 1 MiB)" : "";
    }

    private static String chain(URI first, List<URI> redirects) {
        return first + redirects.stream().map(uri -> " -> " + uri).collect(Collectors.joining());
    }
}
