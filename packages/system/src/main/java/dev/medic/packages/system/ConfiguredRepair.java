package dev.medic.packages.system;

import java.util.List;

import dev.medic.api.Repair;
import dev.medic.api.RepairContext;
import dev.medic.api.RepairResult;
import dev.medic.api.SettingException;
import dev.medic.api.Settings;

/**
 * The repair every check of this package is paired with. It runs the repair that the failed
 * target declares in its {@code repair:} section: {@code restart-unit}, {@code command},
 * {@code shell} or {@code delete-old-files}.
 */
final class ConfiguredRepair implements Repair {

    private static final List<String> KINDS = List.of("restart-unit", "command", "shell", "delete-old-files");

    @Override
    public RepairResult repair(RepairContext context) throws Exception {
        // A target that is configured wrongly says nothing about the system: acting on it could
        // delete files or restart a unit for no reason.
        if (context.failure().filter(SettingException.class::isInstance).isPresent()) {
            return RepairResult.notApplicable("the check failed on its configuration, not on the system: "
                + context.failureMessage());
        }
        // Without a target in its name, the failure is about the check method as a whole (its list
        // could not be read, say): there is no target, so no target's repair to run.
        if (context.check().name().equals(context.check().methodName())) {
            return RepairResult.notApplicable(context.check().name()
                + " failed as a whole, not for one of its targets: " + context.failureMessage());
        }
        Settings repair = context.settings().section("repair");
        List<String> kinds = KINDS.stream().filter(repair::has).toList();
        if (kinds.isEmpty()) {
            return RepairResult.notApplicable("no repair is configured for " + context.check().name()
                + "; give the target a 'repair:' section with one of " + String.join(", ", KINDS));
        }
        if (kinds.size() > 1) {
            return RepairResult.failed("the repair of " + context.check().name() + " sets " + String.join(" and ", kinds)
                + "; a target takes exactly one of " + String.join(", ", KINDS));
        }
        String kind = kinds.get(0);
        RepairResult result = switch (kind) {
            case "restart-unit" -> new RestartUnitRepair().repair(context, repair);
            case "delete-old-files" -> new DeleteOldFilesRepair().repair(context, repair.section("delete-old-files"));
            default -> new CommandRepair().repair(context, repair);
        };
        // Every target's repair shows as ConfiguredRepair in the records; the detail says which ran.
        return result.withDetail("repair", kind);
    }
}
