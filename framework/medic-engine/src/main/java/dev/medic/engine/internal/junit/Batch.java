package dev.medic.engine.internal.junit;

import java.util.List;

/**
 * What one launcher request for a package produced.
 *
 * @param executions   one per check (or stats method) execution, in execution order
 * @param measurements the measurements recorded meanwhile
 * @param problems     discovery issues and other problems affecting the whole package
 */
public record Batch(List<CheckExecution> executions, List<Measured> measurements, List<String> problems) {

    public Batch {
        executions = List.copyOf(executions);
        measurements = List.copyOf(measurements);
        problems = List.copyOf(problems);
    }
}
