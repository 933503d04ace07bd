package dev.medic.engine.internal.run;

import java.util.ArrayList;
import java.util.List;

import dev.medic.engine.CheckRecord;
import dev.medic.engine.Measurement;
import dev.medic.engine.Outcome;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunProblem;
import dev.medic.engine.internal.junit.Measured;

/**
 * One run's events: published to the listeners as they happen and kept for the run's report.
 */
final class RunEvents {

    private final EventBus bus;
    private final List<CheckRecord> checks = new ArrayList<>();
    private final List<RepairRecord> repairs = new ArrayList<>();
    private final List<RunProblem> problems = new ArrayList<>();

    RunEvents(EventBus bus) {
        this.bus = bus;
    }

    synchronized void check(CheckRecord record) {
        checks.add(record);
        bus.checkFinished(record);
    }

    synchronized void repair(RepairRecord record) {
        repairs.add(record);
        bus.repairFinished(record);
    }

    synchronized void problem(RunProblem problem) {
        problems.add(problem);
        bus.problem(problem);
    }

    void measurements(String runId, String packageId, List<Measured> measured) {
        for (Measured item : measured) {
            bus.measured(new Measurement(runId, packageId, item.source(), item.entry().name(), item.entry().value(),
                item.entry().tags(), item.time()));
        }
    }

    synchronized int count(Outcome outcome) {
        return (int) checks.stream().filter(record -> record.outcome() == outcome).count();
    }

    synchronized List<CheckRecord> checks() {
        return List.copyOf(checks);
    }

    synchronized List<RepairRecord> repairs() {
        return List.copyOf(repairs);
    }

    synchronized List<RunProblem> problems() {
        return List.copyOf(problems);
    }

}
