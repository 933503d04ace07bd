package dev.medic.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Checks run as plain JUnit tests, as in an IDE or under Maven: settings come from JUnit
 * configuration parameters, and a missing setting fails the check with a message naming it.
 */
class OutsideTheRunnerTest {

    static class PortChecks {
        @Check
        void usesItsSettings(@Setting("port") int port, @Setting("timeout") Duration timeout,
                @Setting("label") Optional<String> label) {
            assertThat(port).isEqualTo(8080);
            assertThat(timeout).isEqualTo(Duration.ofSeconds(3));
            assertThat(label).isEmpty();
        }

        @Check
        void needsAMissingSetting(@Setting("missing") String value) {
            assertThat(value).isNotNull();
        }

        @Stats
        void recordsMeasurements(Measurements measurements) {
            measurements.record("demo.answers", 42);
        }
    }

    private static Events run(String... parameters) {
        var kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(PortChecks.class));
        for (int i = 0; i < parameters.length; i += 2) {
            kit = kit.configurationParameter(parameters[i], parameters[i + 1]);
        }
        return kit.execute().testEvents();
    }

    @Test
    void settingsComeFromConfigurationParameters() {
        Events events = run("medic.setting.port", "8080", "medic.setting.timeout", "3s");

        events.assertThatEvents().haveExactly(1,
            event(test("usesItsSettings"), finishedSuccessfully()));
    }

    @Test
    void aMissingSettingFailsTheCheckNamingTheKey() {
        Events events = run("medic.setting.port", "8080", "medic.setting.timeout", "3s");

        events.assertThatEvents().haveExactly(1,
            event(test("needsAMissingSetting"), finishedWithFailure(message(text ->
                text.contains("setting 'missing' has no value")))));
    }

    @Test
    void measurementsArePublishedAsReportEntries() {
        Events events = run();

        assertThat(events.reportingEntryPublished().stream()
            .map(event -> event.getRequiredPayload(org.junit.platform.engine.reporting.ReportEntry.class))
            .map(entry -> entry.getKeyValuePairs().get("medic.measurement")))
            .containsExactly("demo.answers");
    }
}
