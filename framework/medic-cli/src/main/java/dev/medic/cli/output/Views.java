package dev.medic.cli.output;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.medic.engine.CheckInfo;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.CheckState;
import dev.medic.engine.CheckStatus;
import dev.medic.engine.PackageInfo;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunProblem;
import dev.medic.engine.RunRecord;
import dev.medic.engine.RunReport;

/** The JSON shapes of Medic's records, documented in docs/cli.md. */
public final class Views {

    private Views() {
    }

    public static Map<String, Object> check(CheckRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("run", record.runId());
        view.put("package", record.check().packageId());
        view.put("check", record.check().name());
        view.put("outcome", record.outcome());
        view.put("reason", record.reason());
        view.put("state", record.outcome().state());
        view.put("startedAt", record.startedAt());
        view.put("durationMs", record.duration().toMillis());
        view.put("attempts", record.attempts());
        view.put("message", record.message());
        view.put("repair", record.repair());
        view.put("healthState", record.state());
        view.put("flapping", record.flapping());
        view.put("blockedBy", record.blockedBy());
        view.put("maintenance", record.maintenance());
        return view;
    }

    public static Map<String, Object> state(CheckState state) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("state", state.state());
        view.put("since", state.since());
        view.put("consecutiveFailures", state.consecutiveFailures());
        view.put("consecutivePasses", state.consecutivePasses());
        view.put("repairsInWindow", state.repairs().size());
        view.put("lastRepair", state.lastRepair().orElse(null));
        return view;
    }

    public static Map<String, Object> repair(RepairRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("run", record.runId());
        view.put("package", record.check().packageId());
        view.put("check", record.check().name());
        view.put("repair", record.repair());
        view.put("result", record.outcome());
        view.put("startedAt", record.startedAt());
        view.put("durationMs", record.duration().toMillis());
        view.put("message", record.message());
        view.put("details", record.details());
        view.put("log", record.log());
        return view;
    }

    public static Map<String, Object> run(RunRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("run", record.runId());
        view.put("mode", record.mode());
        view.put("host", record.host());
        view.put("environment", record.environment());
        view.put("startedAt", record.startedAt());
        view.put("durationMs", record.duration().toMillis());
        // The shortest interval of this host's checks: how often a runner that still runs is heard from; 0 when unknown.
        view.put("intervalSeconds", record.interval().toSeconds());
        view.put("checks", record.checks());
        view.put("healthy", record.healthy());
        view.put("repaired", record.repaired());
        view.put("unresolved", record.unresolved());
        view.put("skipped", record.skipped());
        view.put("exitCode", record.exitCode());
        return view;
    }

    public static Map<String, Object> problem(RunProblem problem) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", problem.kind());
        view.put("subject", problem.subject());
        view.put("message", problem.message());
        view.put("time", problem.time());
        return view;
    }

    public static Map<String, Object> report(RunReport report) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("run", run(report.run()));
        view.put("checks", report.checks().stream().map(Views::check).toList());
        view.put("repairs", report.repairs().stream().map(Views::repair).toList());
        view.put("problems", report.problems().stream().map(Views::problem).toList());
        return view;
    }

    public static Map<String, Object> status(CheckStatus status) {
        Map<String, Object> view = new LinkedHashMap<>(check(status.last()));
        view.put("lastFailure", status.lastFailure().map(Views::check).orElse(null));
        view.put("lastRepair", status.lastRepair().map(Views::repair).orElse(null));
        view.put("policy", status.state().map(Views::state).orElse(null));
        return view;
    }

    public static Map<String, Object> packageInfo(PackageInfo info) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", info.id());
        view.put("version", info.version());
        view.put("description", info.description());
        view.put("archive", String.valueOf(info.archive()));
        view.put("loaded", info.loaded());
        view.put("checks", info.checks().stream().map(Views::checkInfo).toList());
        view.put("stats", info.stats().stream().map(Views::checkInfo).toList());
        view.put("problems", info.problems());
        return view;
    }

    private static Map<String, Object> checkInfo(CheckInfo info) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", info.id().name());
        view.put("displayName", info.displayName());
        view.put("repair", info.repair());
        view.put("tags", info.tags());
        view.put("enabled", info.enabled());
        view.put("parameterized", info.parameterized());
        return view;
    }
}
