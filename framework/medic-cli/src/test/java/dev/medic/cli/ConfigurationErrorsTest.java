package dev.medic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.testing.PackageJar;

class ConfigurationErrorsTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path config = dir.resolve("medic.yml");
        Files.writeString(config, yaml);
        return config;
    }

    @Test
    void malformedYamlNamesFileLineAndRunsNothing() throws IOException {
        Path config = write("""
            state-dir: state
            packages:
              demo: [unclosed
            """);

        Cli.Result result = Cli.run("run", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(config + ":").contains("not valid YAML").contains("nothing was run");
        assertThat(dir.resolve("state/medic.db")).doesNotExist();
    }

    @Test
    void unknownKeyAndWrongTypeAreBothReportedWithLineKeyAndWhatIsAllowed() throws IOException {
        Path config = write("""
            state-dir: state
            defaults:
              timout: 10s
              report-only: maybe
            """);

        Cli.Result result = Cli.run("check", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
            .contains(config + ":3:3: defaults.timout: unknown key 'timout'; allowed here: enabled, report-only, timeout, repair-timeout, interval, confirm")
            .contains(config + ":4:16: defaults.report-only: expected true or false, found the text 'maybe'")
            .contains("2 problems; nothing was run.");
    }

    @Test
    void missingConfigurationFileIsAUsageError() {
        Cli.Result result = Cli.run("run", "--config", dir.resolve("nope.yml").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nope.yml: the configuration file does not exist");
    }

    @Test
    void unknownPackageInConfigurationIsAUsageError() throws IOException {
        PackageJar.named("acme").source("acme.Fine", """
            package acme;
            class Fine {
                @dev.medic.api.Check
                void passes() {
                }
            }
            """).writeJar(dir.resolve("packages"));
        Path config = write("""
            state-dir: state
            packages-dir: packages
            packages:
              acmee:
                settings: {a: 1}
            """);

        Cli.Result result = Cli.run("run", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(config + ":4: packages.acmee: no installed package has the id 'acmee'; installed: acme");
    }

    @Test
    void wrongCommandLineOptionIsAUsageError() {
        Cli.Result result = Cli.run("run", "--no-such-option");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void checkPatternThatMatchesNothingIsAUsageError() throws IOException {
        PackageJar.named("acme").source("acme.Fine", """
            package acme;
            class Fine {
                @dev.medic.api.Check
                void passes() {
                }
            }
            """).writeJar(dir.resolve("packages"));
        Path config = write("state-dir: state\npackages-dir: packages\n");

        Cli.Result result = Cli.run("check", "--config", config.toString(), "--check", "Fine.pases");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no check matches 'Fine.pases'");
        // Found before running: no summary, and no empty run in the history.
        assertThat(result.out()).doesNotContain("0 checks");
        assertThat(Cli.run("history", "--runs", "--config", config.toString()).out()).contains("No records");

        // An invocation of a real method that does not exist is only found by running; still an error.
        Cli.Result invocation = Cli.run("check", "--config", config.toString(), "--check", "Fine.passes[nope]");
        assertThat(invocation.exitCode()).isEqualTo(2);
        assertThat(invocation.err()).contains("no check matches 'Fine.passes[nope]'");
    }

    @Test
    void historyTakesRepairsOrRunsButNotBoth() throws IOException {
        Files.createDirectories(dir.resolve("packages"));
        Path config = write("state-dir: state\npackages-dir: packages\n");

        Cli.Result result = Cli.run("history", "--repairs", "--runs", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--repairs and --runs show different records; give one of them");
    }
}
