package dev.medic.packages.http.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.medic.api.SettingException;
import dev.medic.api.Settings;
import dev.medic.api.Target;

/**
 * Everything one HTTP target asks for, read from its settings and checked at once, with the
 * defaults that {@code medic-package.yml} declares built in, so that a package which calls
 * {@link dev.medic.packages.http.HttpTargetCheck} without declaring these settings gets the same
 * behaviour.
 *
 * @param name               the target's name
 * @param url                what to request, http or https
 * @param method             the request method
 * @param requestHeaders     headers sent with every request, redirects included
 * @param expectedStatus     the status codes that count as up
 * @param followRedirects    whether a redirect is followed or is itself the answer
 * @param maxRedirects       how many redirects may be followed before the check fails
 * @param connectTimeout     how long connecting may take
 * @param readTimeout        how long the server may stay silent while answering
 * @param maxResponseTime    the longest the whole exchange may take, if limited
 * @param bodyContains       text the body must contain
 * @param bodyMatches        a regular expression the body must contain a match for
 * @param jsonEquals         JSON paths and the values they must name
 * @param requiredHeaders    response headers that must be present
 * @param headerEquals       response headers and the values they must have
 * @param minCertificateDays the fewest days a server certificate may have left; 0 turns it off
 * @param caFile             certificates to trust instead of the JDK's, for https
 * @param credential         how to authenticate, if at all
 */
public record HttpTargetOptions(String name, URI url, String method, Map<String, String> requestHeaders,
        StatusCodes expectedStatus, boolean followRedirects, int maxRedirects, Duration connectTimeout,
        Duration readTimeout, Optional<Duration> maxResponseTime, Optional<String> bodyContains,
        Optional<String> bodyMatches, Map<String, Object> jsonEquals, List<String> requiredHeaders,
        Map<String, String> headerEquals, int minCertificateDays, Optional<Path> caFile,
        Optional<Credential> credential) {

    public static final String URL = "url";
    public static final String METHOD = "method";
    public static final String REQUEST_HEADERS = "request-headers";
    public static final String EXPECTED_STATUS = "expected-status";
    public static final String FOLLOW_REDIRECTS = "follow-redirects";
    public static final String MAX_REDIRECTS = "max-redirects";
    public static final String CONNECT_TIMEOUT = "connect-timeout";
    public static final String READ_TIMEOUT = "read-timeout";
    public static final String MAX_RESPONSE_TIME = "max-response-time";
    public static final String BODY_CONTAINS = "body-contains";
    public static final String BODY_MATCHES = "body-matches";
    public static final String JSON_EQUALS = "json-equals";
    public static final String REQUIRED_HEADERS = "required-headers";
    public static final String HEADER_EQUALS = "header-equals";
    public static final String MIN_CERTIFICATE_DAYS = "min-certificate-days";
    public static final String CA_FILE = "ca-file";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String BEARER_TOKEN = "bearer-token";

    /** The keys a target may set, besides {@code name} and {@code enabled}. */
    public static final List<String> KEYS = List.of(URL, METHOD, REQUEST_HEADERS, EXPECTED_STATUS, FOLLOW_REDIRECTS,
        MAX_REDIRECTS, CONNECT_TIMEOUT, READ_TIMEOUT, MAX_RESPONSE_TIME, BODY_CONTAINS, BODY_MATCHES, JSON_EQUALS,
        REQUIRED_HEADERS, HEADER_EQUALS, MIN_CERTIFICATE_DAYS, CA_FILE, USERNAME, PASSWORD, BEARER_TOKEN);

    public static final String DEFAULT_METHOD = "GET";
    public static final boolean DEFAULT_FOLLOW_REDIRECTS = true;
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MIN_CERTIFICATE_DAYS = 14;

    /** What {@link java.net.HttpURLConnection} can send. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE");

    /** Credentials come only from {@code username}/{@code password} or {@code bearer-token}. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization");

    /** Headers {@link java.net.HttpURLConnection} manages itself and would drop without a word. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "connection", "content-length", "keep-alive",
        "transfer-encoding", "upgrade", "trailer", "via", "origin", "content-transfer-encoding",
        "access-control-request-headers", "access-control-request-method");

    public HttpTargetOptions {
        requestHeaders = Map.copyOf(requestHeaders);
        jsonEquals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jsonEquals));
        requiredHeaders = List.copyOf(requiredHeaders);
        headerEquals = Map.copyOf(headerEquals);
    }

    /**
     * Reads a target's options.
     *
     * @throws SettingException naming the target, the key and what is allowed, for the first
     *                          value that does not fit
     */
    public static HttpTargetOptions from(Target target) {
        try {
            return read(target);
        } catch (SettingException e) {
            String prefix = "target '" + target.name() + "': ";
            throw e.getMessage().startsWith(prefix) ? e : new SettingException(prefix + e.getMessage());
        }
    }

    private static HttpTargetOptions read(Target target) {
        Reader read = new Reader(target);
        return new HttpTargetOptions(target.name(), read.url(), read.method(), read.requestHeaders(),
            read.expectedStatus(),
            target.find(FOLLOW_REDIRECTS, Boolean.class).orElse(DEFAULT_FOLLOW_REDIRECTS),
            read.atLeastZero(MAX_REDIRECTS, DEFAULT_MAX_REDIRECTS),
            read.positive(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT), read.positive(READ_TIMEOUT, DEFAULT_READ_TIMEOUT),
            target.find(MAX_RESPONSE_TIME, Duration.class), target.find(BODY_CONTAINS, String.class),
            read.regex(), read.jsonEquals(), target.getList(REQUIRED_HEADERS), read.texts(HEADER_EQUALS),
            read.atLeastZero(MIN_CERTIFICATE_DAYS, DEFAULT_MIN_CERTIFICATE_DAYS), target.find(CA_FILE, Path.class),
            read.credential());
    }

    /**
     * The keys of a target that this package does not know, such as a misspelt
     * {@code expect-status}; the configuration reader cannot see inside list entries, so the
     * check reports them itself instead of ignoring them.
     */
    public static Set<String> unknownKeys(Settings target, Set<String> packageSettings) {
        Set<String> unknown = new TreeSet<>(target.keys());
        unknown.removeAll(KEYS);
        unknown.removeAll(packageSettings);
        unknown.removeAll(List.of("name", "enabled"));
        return unknown;
    }

    /** Reads one target's values, naming the target in every problem. */
    private static final class Reader {

        private final Target target;

        Reader(Target target) {
            this.target = target;
        }

        URI url() {
            String text = target.find(URL, String.class).orElseThrow(() -> problem("has no " + URL));
            URI uri;
            try {
                uri = new URI(text.trim());
            } catch (URISyntaxException e) {
                throw problem(URL + " '" + text + "' is not a valid URL: " + e.getReason());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw problem(URL + " '" + text + "' must be an http:// or https:// URL with a host");
            }
            if (uri.getUserInfo() != null) {
                // user:password@host would put a secret into the configuration and every message.
                throw problem(URL + " must not contain user information; use " + USERNAME + " and " + PASSWORD);
            }
            return uri;
        }

        String method() {
            String method = target.find(METHOD, String.class).orElse(DEFAULT_METHOD).trim().toUpperCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw problem(METHOD + " '" + method + "' is not supported; use one of " + new TreeSet<>(METHODS));
            }
            return method;
        }

        Map<String, String> requestHeaders() {
            Map<String, String> headers = texts(REQUEST_HEADERS);
            for (String header : headers.keySet()) {
                if (CREDENTIAL_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
                    throw problem(REQUEST_HEADERS + " must not set " + header + "; credentials come only from "
                        + USERNAME + "/" + PASSWORD + " or " + BEARER_TOKEN + " as {env: NAME} or {file: PATH}");
                }
                if (RESTRICTED_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
                    throw problem(REQUEST_HEADERS + " cannot set " + header + ": Java's HTTP connection manages it"
                        + " and would drop the value silently");
                }
            }
            return headers;
        }

        StatusCodes expectedStatus() {
            List<String> entries = target.has(EXPECTED_STATUS) ? target.getList(EXPECTED_STATUS) : StatusCodes.DEFAULT;
            try {
                return StatusCodes.parse(entries);
            } catch (IllegalArgumentException e) {
                throw problem(e.getMessage());
            }
        }

        Optional<String> regex() {
            Optional<String> regex = target.find(BODY_MATCHES, String.class);
            regex.ifPresent(text -> {
                try {
                    Pattern.compile(text);
                } catch (PatternSyntaxException e) {
                    throw problem(BODY_MATCHES + " is not a valid regular expression: " + e.getDescription()
                        + " near index " + e.getIndex());
                }
            });
            return regex;
        }

        Map<String, Object> jsonEquals() {
            Map<String, Object> expected = new LinkedHashMap<>(target.section(JSON_EQUALS).asMap());
            for (String path : expected.keySet()) {
                try {
                    JsonPath.parse(path);
                } catch (Json.JsonException e) {
                    throw problem(JSON_EQUALS + ": " + e.getMessage());
                }
            }
            return expected;
        }

        Map<String, String> texts(String key) {
            Map<String, String> texts = new LinkedHashMap<>();
            target.section(key).asMap().forEach((name, value) -> {
                if (value instanceof Map<?, ?> || value instanceof List<?>) {
                    throw problem(key + ": the value of '" + name + "' must be text");
                }
                texts.put(name, String.valueOf(value));
            });
            return texts;
        }

        int atLeastZero(String key, int defaultValue) {
            int value = target.find(key, Integer.class).orElse(defaultValue);
            if (value < 0) {
                throw problem(key + " must be 0 or more; found " + value);
            }
            return value;
        }

        Duration positive(String key, Duration defaultValue) {
            Duration value = target.find(key, Duration.class).orElse(defaultValue);
            if (value.isZero() || value.isNegative() || value.toMillis() > Integer.MAX_VALUE) {
                throw problem(key + " must be more than 0 and at most 24 days");
            }
            return value;
        }

        Optional<Credential> credential() {
            Map<String, Object> values = target.asMap();
            boolean basic = values.containsKey(USERNAME) || values.containsKey(PASSWORD);
            if (basic && values.containsKey(BEARER_TOKEN)) {
                throw problem("sets both " + USERNAME + "/" + PASSWORD + " and " + BEARER_TOKEN + "; choose one");
            }
            try {
                if (values.containsKey(BEARER_TOKEN)) {
                    return Optional.of(new Credential.Bearer(SecretSource.from(BEARER_TOKEN, values.get(BEARER_TOKEN))));
                }
                if (basic) {
                    String username = target.find(USERNAME, String.class)
                        .orElseThrow(() -> problem("sets " + PASSWORD + " but no " + USERNAME));
                    if (!values.containsKey(PASSWORD)) {
                        throw problem("sets " + USERNAME + " but no " + PASSWORD);
                    }
                    return Optional.of(new Credential.Basic(username, SecretSource.from(PASSWORD, values.get(PASSWORD))));
                }
            } catch (IllegalArgumentException e) {
                throw problem(e.getMessage());
            }
            return Optional.empty();
        }

        private SettingException problem(String what) {
            return new SettingException("target '" + target.name() + "': " + what);
        }
    }
}
