package dev.medic.packages.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.medic.packages.network.internal.GreetingProtocol;
import dev.medic.packages.network.internal.TargetOptions;

/** The package's settings as medic-package.yml declares them, against what the checks read. */
class PackageDescriptorTest {

    private static List<String> declaredSettings() throws IOException {
        try (InputStream in = NetworkChecks.class.getResourceAsStream("/medic-package.yml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher matcher = Pattern.compile("(?m)^  ([a-z0-9-]+):").matcher(yaml);
            return matcher.results().map(result -> result.group(1)).toList();
        }
    }

    @Test
    void theTargetKeyCheckKnowsExactlyTheDeclaredSettings() throws IOException {
        assertThat(declaredSettings()).containsExactlyInAnyOrderElementsOf(TargetOptions.PACKAGE_SETTINGS);
    }

    @Test
    void everyGreetingProtocolHasATargetListOfItsName() throws IOException {
        assertThat(declaredSettings()).containsAll(
            java.util.Arrays.stream(GreetingProtocol.values()).map(GreetingProtocol::key).toList());
    }
}
