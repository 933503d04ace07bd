package dev.medic.packages.http.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a target answered, after the redirects that were followed.
 *
 * @param request            the method and URL of the request that got the final answer
 * @param status             the final status code
 * @param headers            the final response's headers, names in any case
 * @param body               the final response's body, at most {@link HttpProbe#MAX_BODY_BYTES}
 * @param bodyTruncated      whether the body was longer and was cut
 * @param elapsed            from the first connect until the final body was read
 * @param redirects          the URLs the redirects led to, in order
 * @param unfollowedRedirect where a further redirect pointed when the limit stopped following
 * @param certificate        the https server certificate that expires first among the hops
 */
public record HttpExchange(String request, int status, Map<String, List<String>> headers, String body,
        boolean bodyTruncated, Duration elapsed, List<URI> redirects, Optional<URI> unfollowedRedirect,
        Optional<ServerCertificate> certificate) {

    /** The values of a response header; empty when absent. */
    public List<String> header(String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
            .flatMap(entry -> entry.getValue().stream()).toList();
    }
}
