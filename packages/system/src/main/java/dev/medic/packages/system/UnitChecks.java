package dev.medic.packages.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import dev.medic.api.CheckEach;
import dev.medic.api.Measurements;
import dev.medic.api.RepairWith;
import dev.medic.api.Settings;
import dev.medic.api.Stats;
import dev.medic.api.Target;
import dev.medic.packages.system.internal.CommandResult;
import dev.medic.packages.system.internal.Systemctl;
import dev.medic.packages.system.internal.Targets;

/** A systemd unit is active, as {@code systemctl is-active UNIT} says. */
@RepairWith(ConfiguredRepair.class)
class UnitChecks {

    @CheckEach("units")
    void isActive(Target target) throws IOException, InterruptedException {
        String unit = target.get("unit");
        CommandResult result = Systemctl.from(target).isActive(unit);
        assertThat(Systemctl.state(result)).as("state of unit %s (systemctl is-active: %s)", unit, result.describeEnd())
            .isEqualTo("active");
        assertThat(result.exitCode()).as("exit code of systemctl is-active %s", unit).isZero();
    }

    @Stats
    void unitState(Settings settings, Measurements measurements) {
        Targets.measureEach(settings, "units", target -> {
            CommandResult result = Systemctl.from(target.settings()).isActive(target.settings().get("unit"));
            measurements.record("system.unit.active", result.succeeded() ? 1 : 0, Map.of("target", target.name()));
        });
    }
}
