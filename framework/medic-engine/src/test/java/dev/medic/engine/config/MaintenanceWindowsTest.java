package dev.medic.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.medic.config.ConfigProblem;
import dev.medic.config.ConfigProblems;
import dev.medic.config.YamlFiles;

class MaintenanceWindowsTest {

    private final ConfigProblems problems = new ConfigProblems();

    private MedicConfig read(String yaml) {
        return new MedicConfigReader(java.util.List.of())
            .read(YamlFiles.parse(yaml, "medic.yml", problems), Optional.of(Path.of("/etc/medic/medic.yml")), Path.of("/state"))
            .config();
    }

    @Test
    void windowsAreReadAtEveryLevel() {
        MedicConfig config = read("""
            maintenance:
              - name: nightly
                cron: "0 2 * * *"
                duration: 30m
                zone: Europe/Berlin
            packages:
              web:
                maintenance:
                  - name: migration
                    from: 2026-12-01T22:00:00Z
                    until: 2026-12-02T02:00:00Z
                checks:
                  Web.up:
                    maintenance:
                      - name: local
                        from: 2026-12-03T08:00
                        until: 2026-12-03T09:00
            """);

        assertThat(problems.all()).isEmpty();
        MaintenanceWindow nightly = config.maintenance().get(0);
        assertThat(nightly.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(nightly.openUntil(Instant.parse("2026-11-20T01:10:00Z"))).as("02:10 in Berlin")
            .contains(Instant.parse("2026-11-20T01:30:00Z"));
        assertThat(config.packageConfig("web").maintenance()).extracting(MaintenanceWindow::name).containsExactly("migration");
        assertThat(config.packageConfig("web").checks().get("Web.up").maintenance().get(0).duration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void everyMistakeIsReportedWithItsLineAndWhatIsAllowed() {
        read("""
            maintenance:
              - cron: "0 2 * * *"
                duration: 30m
              - name: both
                cron: "0 2 * * *"
                from: 2026-12-01T22:00:00Z
              - name: badcron
                cron: "0 25 * * *"
                duration: 30m
              - name: backwards
                from: 2026-12-02T00:00:00Z
                until: 2026-12-01T00:00:00Z
              - name: nozone
                cron: "0 2 * * *"
                duration: 1h
                zone: Mars/Olympus
            """);

        assertThat(problems.all()).extracting(ConfigProblem::line, ConfigProblem::message).containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "a maintenance window needs a name, and either cron and duration, or from and until"),
            org.assertj.core.groups.Tuple.tuple(4, "maintenance window 'both' needs either cron and duration, or from and until"),
            org.assertj.core.groups.Tuple.tuple(8, "value '0 25 * * *' is not allowed; expected " + dev.medic.engine.schedule.CronExpression.ALLOWED),
            org.assertj.core.groups.Tuple.tuple(12, "maintenance window 'backwards' ends (2026-12-01T00:00:00Z) before it starts (2026-12-02T00:00:00Z)"),
            org.assertj.core.groups.Tuple.tuple(16, "value 'Mars/Olympus' is not allowed; expected a time zone such as Europe/Berlin or UTC"));
    }
}
