package dev.medic.test;

import java.util.List;
import java.util.stream.Collectors;

import dev.medic.engine.CheckRecord;
import dev.medic.engine.Measurement;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunReport;

/**
 * What one {@link PackageTestKit} run produced: the report, plus lookups by check name that fail
 * with the names that do exist.
 */
public final class TestRun {

    private final RunReport report;
    private final List<Measurement> measurements;

    TestRun(RunReport report, List<Measurement> measurements) {
        this.report = report;
        this.measurements = List.copyOf(measurements);
    }

    /** The run's report, as {@code medic run --output json} would show it. */
    public RunReport report() {
        return report;
    }

    /** The record of a check, by its name ({@code TmpChecks.tmpHasRoom}, {@code Disks.hasRoom[/var]}). */
    public CheckRecord check(String name) {
        return report.checks().stream().filter(record -> record.check().name().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no check named '" + name + "' ran; these did: "
                + report.checks().stream().map(record -> record.check().name()).collect(Collectors.joining(", "))));
    }

    /** The outcome of a check. */
    public Outcome outcome(String name) {
        return check(name).outcome();
    }

    /** Why a check is unresolved ({@link Reason#NONE} otherwise). */
    public Reason reason(String name) {
        return check(name).reason();
    }

    /** Every check record, in the order they were made. */
    public List<CheckRecord> checks() {
        return report.checks();
    }

    /** Every repair attempt. */
    public List<RepairRecord> repairs() {
        return report.repairs();
    }

    /** Every measurement recorded by checks and stats. */
    public List<Measurement> measurements() {
        return measurements;
    }

    /** The exit code {@code medic} would end with. */
    public int exitCode() {
        return report.exitCode();
    }
}
