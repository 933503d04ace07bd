package dev.medic.packages.system;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import dev.medic.api.RepairContext;
import dev.medic.api.RepairResult;
import dev.medic.api.Settings;
import dev.medic.packages.system.internal.CommandResult;
import dev.medic.packages.system.internal.Durations;
import dev.medic.packages.system.internal.Systemctl;

/**
 * {@code repair: {restart-unit: UNIT}}: runs {@code systemctl restart UNIT}, then returns only
 * once {@code systemctl is-active UNIT} says {@code active}, or reports failure when the unit fails,
 * stops, or is still not active when the time is up.
 */
final class RestartUnitRepair {

    private static final Duration POLL = Duration.ofMillis(250);

    RepairResult repair(RepairContext context, Settings repair) throws IOException, InterruptedException {
        String unit = Systemctl.checkedUnit(repair.get("restart-unit"));
        Systemctl systemctl = Systemctl.from(context.settings());
        Duration patience = repair.find("timeout", Duration.class)
            .orElse(context.settings().find("restart-timeout", Duration.class).orElse(Duration.ofSeconds(60)));
        Instant giveUp = Instant.now().plus(Durations.capped(patience, context.deadline()));

        CommandResult restart = systemctl.restart(unit, Durations.capped(patience, context.deadline()));
        context.log().log(System.Logger.Level.INFO, "systemctl restart " + unit + ": " + restart.describeEnd()
            + (restart.output().isBlank() ? "" : ": " + restart.output().strip()));
        if (!restart.succeeded()) {
            return RepairResult.failed("systemctl restart " + unit + " failed with " + restart.describeEnd()
                    + (restart.output().isBlank() ? "" : ": " + restart.lastLine()))
                .withDetail("unit", unit).withDetail("output", restart.output());
        }

        while (true) {
            CommandResult isActive = systemctl.isActive(unit);
            String state = Systemctl.state(isActive);
            if (isActive.succeeded() && state.equals("active")) {
                context.log().log(System.Logger.Level.INFO, unit + " is active");
                return RepairResult.succeeded("restarted " + unit + "; it is active").withDetail("unit", unit);
            }
            // Once restart returned, systemd finished the start job: failed or inactive is final.
            if (state.equals("failed") || state.equals("inactive")) {
                return RepairResult.failed("restarted " + unit + ", but it is " + state).withDetail("unit", unit)
                    .withDetail("state", state);
            }
            if (!Instant.now().plus(POLL).isBefore(giveUp)) {
                return RepairResult.failed("restarted " + unit + ", but it was still " + state + " after "
                    + Durations.text(patience)).withDetail("unit", unit).withDetail("state", state);
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
