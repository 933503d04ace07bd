package dev.medic.packages.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsFromTheEnvironment() {
        SecretSource source = SecretSource.from("password", Map.of("env", "APP_PASSWORD"));

        assertThat(source.read(name -> name.equals("APP_PASSWORD") ? "pw" : null)).isEqualTo("pw");
        assertThat(source).hasToString("{env: APP_PASSWORD}");
    }

    @Test
    void readsFromAFileWithoutTheTrailingLineBreak() throws IOException {
        Path file = Files.writeString(dir.resolve("secret"), "pw with spaces \r\n");

        assertThat(SecretSource.from("password", Map.of("file", file.toString())).read(name -> null))
            .isEqualTo("pw with spaces ");
    }

    @Test
    void refusesAnythingButOneEnvOrFileWithoutRepeatingTheValue() {
        for (Object raw : List.of("hunter2", Map.of("value", "hunter2"), Map.of("env", "A", "file", "hunter2"),
                Map.of("env", ""), Map.of("env", List.of("hunter2")), 42)) {
            assertThatThrownBy(() -> SecretSource.from("password", raw)).as("value %s", raw)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("setting 'password' must be {env: NAME} or {file: PATH}; a secret is never written into"
                    + " the configuration itself");
        }
    }

    @Test
    void anUnsetVariableAMissingFileAndAnEmptySecretFailNamingTheReferenceOnly() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");

        assertThatThrownBy(() -> SecretSource.from("p", Map.of("env", "NOPE")).read(name -> null))
            .hasMessage("environment variable NOPE is not set");
        assertThatThrownBy(() -> SecretSource.from("p", Map.of("file", dir.resolve("gone").toString())).read(name -> null))
            .hasMessageContaining("cannot read secret file").hasMessageContaining("NoSuchFileException");
        assertThatThrownBy(() -> SecretSource.from("p", Map.of("file", empty.toString())).read(name -> null))
            .hasMessage("{file: " + empty + "} is empty");
    }
}
