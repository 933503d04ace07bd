package dev.medic.packages.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import dev.medic.api.SettingException;
import dev.medic.api.Settings;
import dev.medic.api.Target;
import dev.medic.api.internal.TargetInvocations;

class HttpTargetOptionsTest {

    /** A target as the engine makes it: the entry over the package's settings. */
    private static Target target(Map<String, Object> packageSettings, Map<String, Object> entry) {
        Map<String, Object> settings = new LinkedHashMap<>(packageSettings);
        settings.put("targets", List.of(entry));
        return TargetInvocations.targets(Settings.of(settings), "targets").get(0);
    }

    private static Target target(Map<String, Object> entry) {
        return target(Map.of(), entry);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> declaredDefaults() throws IOException {
        try (InputStream in = HttpTargetOptions.class.getResourceAsStream("/medic-package.yml")) {
            Map<String, Object> settings = (Map<String, Object>) new Yaml().<Map<String, Object>>load(in).get("settings");
            Map<String, Object> defaults = new LinkedHashMap<>();
            settings.forEach((key, spec) -> {
                Map<String, Object> declaration = (Map<String, Object>) spec;
                if (declaration.containsKey("default")) {
                    defaults.put(key, declaration.get("default"));
                }
            });
            return defaults;
        }
    }

    @Test
    void theBuiltInDefaultsAreTheOnesMedicPackageYmlDeclares() throws IOException {
        Map<String, Object> entry = Map.of("name", "shop", "url", "http://127.0.0.1:8080/health");

        HttpTargetOptions withDeclaredDefaults = HttpTargetOptions.from(target(declaredDefaults(), entry));
        HttpTargetOptions withBuiltInDefaults = HttpTargetOptions.from(target(entry));

        assertThat(withBuiltInDefaults).isEqualTo(withDeclaredDefaults);
    }

    @Test
    void medicPackageYmlDeclaresEveryTargetKeyWithADescription() throws IOException {
        try (InputStream in = HttpTargetOptions.class.getResourceAsStream("/medic-package.yml")) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> settings = (Map<String, Map<String, Object>>) new Yaml()
                .<Map<String, Object>>load(in).get("settings");

            assertThat(settings.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(HttpTargetOptions.KEYS.stream(), java.util.stream.Stream.of("targets")).toList());
            assertThat(settings.values()).allSatisfy(spec -> assertThat(spec).containsKeys("type", "description"));
        }
    }

    @Test
    void aTargetsOwnValueReplacesThePackageWideOne() {
        HttpTargetOptions options = HttpTargetOptions.from(target(Map.of("read-timeout", "30s", "method", "HEAD"),
            Map.of("name", "shop", "url", "https://127.0.0.1/", "method", "GET")));

        assertThat(options.readTimeout()).hasSeconds(30);
        assertThat(options.method()).isEqualTo("GET");
    }

    @Test
    void readsEveryKey() {
        HttpTargetOptions options = HttpTargetOptions.from(target(Map.ofEntries(
            Map.entry("name", "all"), Map.entry("url", "https://127.0.0.1:8443/health"), Map.entry("method", "post"),
            Map.entry("request-headers", Map.of("Accept", "application/json")),
            Map.entry("expected-status", 204), Map.entry("follow-redirects", false), Map.entry("max-redirects", 0),
            Map.entry("connect-timeout", "1s"), Map.entry("read-timeout", "2s"), Map.entry("max-response-time", "500ms"),
            Map.entry("body-contains", "UP"), Map.entry("body-matches", "v\\d"), Map.entry("json-equals", Map.of("$.ok", true)),
            Map.entry("required-headers", List.of("ETag")), Map.entry("header-equals", Map.of("X-Env", "prod")),
            Map.entry("min-certificate-days", 30), Map.entry("ca-file", "/etc/ssl/internal.pem"),
            Map.entry("bearer-token", Map.of("env", "TOKEN")))));

        assertThat(options.method()).isEqualTo("POST");
        assertThat(options.requestHeaders()).containsEntry("Accept", "application/json");
        assertThat(options.expectedStatus()).hasToString("204");
        assertThat(options.followRedirects()).isFalse();
        assertThat(options.maxRedirects()).isZero();
        assertThat(options.connectTimeout()).hasSeconds(1);
        assertThat(options.maxResponseTime()).hasValueSatisfying(limit -> assertThat(limit).hasMillis(500));
        assertThat(options.bodyContains()).contains("UP");
        assertThat(options.bodyMatches()).contains("v\\d");
        assertThat(options.jsonEquals()).containsEntry("$.ok", true);
        assertThat(options.requiredHeaders()).containsExactly("ETag");
        assertThat(options.headerEquals()).containsEntry("X-Env", "prod");
        assertThat(options.minCertificateDays()).isEqualTo(30);
        assertThat(options.caFile()).hasValueSatisfying(path -> assertThat(path).hasToString("/etc/ssl/internal.pem"));
        assertThat(options.credential()).contains(new Credential.Bearer(new SecretSource(SecretSource.Kind.ENV, "TOKEN")));
    }

    @Test
    void refusesValuesThatDoNotFitNamingTheTargetAndKey() {
        List<Map<String, Object>> wrong = List.of(
            Map.of("url", "ftp://127.0.0.1/"),
            Map.of("url", "http://user:pw@127.0.0.1/"),
            Map.of("url", "http://127.0.0.1/", "max-redirects", -1),
            Map.of("url", "http://127.0.0.1/", "read-timeout", "0s"),
            Map.of("url", "http://127.0.0.1/", "connect-timeout", "soon"),
            Map.of("url", "http://127.0.0.1/", "request-headers", Map.of("Proxy-Authorization", "x")),
            Map.of("url", "http://127.0.0.1/", "bearer-token", Map.of("env", "T"), "username", "u", "password", Map.of("env", "P")),
            Map.of("url", "http://127.0.0.1/", "password", Map.of("env", "P")));
        for (Map<String, Object> values : wrong) {
            Map<String, Object> entry = new LinkedHashMap<>(values);
            entry.put("name", "bad");
            assertThatThrownBy(() -> HttpTargetOptions.from(target(entry))).as("%s", values)
                .isInstanceOf(SettingException.class).hasMessageStartingWith("target 'bad': ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw@"));
        }
    }

    @Test
    void unknownKeysAreTheTargetsKeysThatNoSettingDeclares() {
        Target target = target(Map.of("targets-extra", 1), Map.of("name", "shop", "url", "http://127.0.0.1/",
            "enabled", true, "timeout", "5s", "expect-status", 200));

        assertThat(HttpTargetOptions.unknownKeys(target, Set.of("targets", "targets-extra")))
            .containsExactly("expect-status", "timeout");
    }
}
