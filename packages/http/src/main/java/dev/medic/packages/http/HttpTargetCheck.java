package dev.medic.packages.http;

import java.io.IOException;
import java.time.Instant;

import dev.medic.api.Measurements;
import dev.medic.api.Target;
import dev.medic.packages.http.internal.HttpExchange;
import dev.medic.packages.http.internal.HttpExpectations;
import dev.medic.packages.http.internal.HttpProbe;
import dev.medic.packages.http.internal.HttpStats;
import dev.medic.packages.http.internal.HttpTargetOptions;

/**
 * The http package's check of one target, for packages that pair HTTP targets with a repair of
 * their own:
 *
 * <pre>{@code
 * @CheckEach("targets")
 * @RepairWith(RestartShop.class)
 * void answers(Target target, Measurements measurements) {
 *     HttpTargetCheck.verify(target, measurements);
 * }
 * }</pre>
 *
 * <p>Such a package lists {@code http} in its {@code Plugin-Dependencies}. Its targets take the
 * same keys as the http package's, with the same defaults, whether or not it declares them.
 */
public final class HttpTargetCheck {

    private HttpTargetCheck() {
    }

    /**
     * Requests the target, records its measurements, and asserts every expectation it sets.
     *
     * @throws AssertionError naming the target, the request, what was expected and what was found
     * @throws dev.medic.api.SettingException when a value of the target does not fit its key
     */
    public static void verify(Target target, Measurements measurements) {
        HttpTargetOptions options = HttpTargetOptions.from(target);
        HttpExchange exchange;
        try {
            exchange = new HttpProbe(options, System::getenv).exchange();
        } catch (IOException e) {
            throw new AssertionError("target '" + target.name() + "': " + e.getMessage(), e);
        } catch (IllegalStateException unreadableSecret) {
            throw new AssertionError("target '" + target.name() + "': cannot read its credential: "
                + unreadableSecret.getMessage());
        }
        Instant now = Instant.now();
        HttpStats.record(target.name(), exchange, now, measurements);
        HttpExpectations.verify(options, exchange, now);
    }
}
