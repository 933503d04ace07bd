package dev.medic.packages.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;

/** How a target authenticates: HTTP basic or a bearer token, with the secret read when needed. */
public sealed interface Credential {

    /** The {@code Authorization} header's value; reads the secret. */
    String authorization(UnaryOperator<String> environment);

    /** A user name, which is not secret, and a password from the environment or a file. */
    record Basic(String username, SecretSource password) implements Credential {

        @Override
        public String authorization(UnaryOperator<String> environment) {
            String pair = username + ":" + password.read(environment);
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A token from the environment or a file. */
    record Bearer(SecretSource token) implements Credential {

        @Override
        public String authorization(UnaryOperator<String> environment) {
            return "Bearer " + token.read(environment);
        }
    }
}
