package dev.medic.engine.internal.run;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import dev.medic.engine.CheckRecord;
import dev.medic.engine.Measurement;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunStart;
import dev.medic.engine.RunProblem;
import dev.medic.engine.RunRecord;
import dev.medic.engine.spi.RunListener;

/**
 * Hands every event to every listener, one event at a time, and keeps a listener's failure from
 * reaching the engine or the other listeners: it is logged and reported as a problem instead.
 */
public final class EventBus implements RunListener {

    private static final System.Logger LOG = System.getLogger(EventBus.class.getName());

    private final List<RunListener> listeners;
    private final Clock clock;
    private volatile String runId = "";

    public EventBus(List<RunListener> listeners, Clock clock) {
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    @Override
    public synchronized void runStarted(RunStart start) {
        this.runId = start.runId();
        each(listener -> listener.runStarted(start));
    }

    @Override
    public synchronized void repairFinished(RepairRecord repair) {
        each(listener -> listener.repairFinished(repair));
    }

    @Override
    public synchronized void checkFinished(CheckRecord check) {
        each(listener -> listener.checkFinished(check));
    }

    @Override
    public synchronized void measured(Measurement measurement) {
        each(listener -> listener.measured(measurement));
    }

    @Override
    public synchronized void problem(RunProblem problem) {
        each(listener -> listener.problem(problem));
    }

    @Override
    public synchronized void runFinished(RunRecord run) {
        each(listener -> listener.runFinished(run));
    }

    private void each(Consumer<RunListener> event) {
        for (RunListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (Throwable failure) {
                LOG.log(System.Logger.Level.WARNING, "listener " + listener.getClass().getSimpleName()
                    + " failed to take an event; healing goes on", failure);
                RunProblem problem = new RunProblem(runId, RunProblem.Kind.LISTENER, listener.getClass().getSimpleName(),
                    String.valueOf(failure), clock.instant());
                for (RunListener other : listeners) {
                    if (other != listener) {
                        try {
                            other.problem(problem);
                        } catch (Throwable ignored) {
                            // already logged once; a failing listener must not start a cascade
                        }
                    }
                }
            }
        }
    }
}
