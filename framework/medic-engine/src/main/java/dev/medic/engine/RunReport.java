package dev.medic.engine;

import java.util.List;

/**
 * Everything one run produced.
 *
 * @param run      the run's summary
 * @param checks   every check record, in the order they were made
 * @param repairs  every repair attempt
 * @param problems problems outside single checks
 */
public record RunReport(RunRecord run, List<CheckRecord> checks, List<RepairRecord> repairs, List<RunProblem> problems) {

    public RunReport {
        checks = List.copyOf(checks);
        repairs = List.copyOf(repairs);
        problems = List.copyOf(problems);
    }

    /** The exit code the run calls for. */
    public int exitCode() {
        return run.exitCode();
    }
}
