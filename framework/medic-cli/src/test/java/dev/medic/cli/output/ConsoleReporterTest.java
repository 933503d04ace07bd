package dev.medic.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.medic.api.CheckId;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunRecord;

class ConsoleReporterTest {

    private static final CheckId WEB = new CheckId("web", "WebChecks.answers");
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final StringWriter out = new StringWriter();
    private final ConsoleReporter daemon = ConsoleReporter.forDaemon(new PrintWriter(out), new PrintWriter(new StringWriter()));

    private static CheckRecord record(Outcome outcome) {
        Reason reason = outcome == Outcome.UNRESOLVED ? Reason.REPAIR_FAILED : Reason.NONE;
        return new CheckRecord("run", WEB, outcome, reason, T0, Duration.ofMillis(5), 1,
            outcome == Outcome.HEALTHY ? "" : "connection refused", "");
    }

    private static RunRecord run(int healthy, int unresolved) {
        return new RunRecord("run", RunMode.DAEMON, "web-1", "test", T0, Duration.ofMillis(9), healthy, 0, unresolved, 0);
    }

    @Test
    void theDaemonIsQuietWhileAllIsWell() {
        daemon.checkFinished(record(Outcome.HEALTHY));
        daemon.runFinished(run(1, 0));
        daemon.checkFinished(record(Outcome.HEALTHY));
        daemon.runFinished(run(1, 0));

        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theDaemonPrintsAFailureEachTimeAndTheRecoveryOnce() {
        daemon.checkFinished(record(Outcome.HEALTHY));
        daemon.checkFinished(record(Outcome.UNRESOLVED));
        daemon.runFinished(run(0, 1));
        daemon.checkFinished(record(Outcome.HEALTHY));
        daemon.checkFinished(record(Outcome.HEALTHY));

        assertThat(out.toString().lines().toList()).satisfiesExactly(
            failed -> assertThat(failed).startsWith("UNRESOLVED web/WebChecks.answers (REPAIR_FAILED)").contains("connection refused"),
            summary -> assertThat(summary).contains("1 unresolved"),
            recovered -> assertThat(recovered).startsWith("HEALTHY    web/WebChecks.answers"));
    }

    @Test
    void aOneShotRunPrintsEveryCheck() {
        ConsoleReporter run = new ConsoleReporter(new PrintWriter(out), new PrintWriter(new StringWriter()), Style.plain());

        run.checkFinished(record(Outcome.HEALTHY));
        run.runFinished(new RunRecord("run", RunMode.RUN, "web-1", "test", T0, Duration.ofMillis(9), 1, 0, 0, 0));

        assertThat(out.toString().lines().toList()).hasSize(2).first().asString().startsWith("HEALTHY    web/WebChecks.answers");
    }
}
