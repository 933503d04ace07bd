package dev.medic.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.medic.dashboards.grafana.InfluxQl;
import dev.medic.dashboards.grafana.MathExpression;
import dev.medic.dashboards.grafana.Provisioning;
import dev.medic.dashboards.grafana.Sse;
import dev.medic.dashboards.grafana.TemplateSrv;

/**
 * The pieces of Grafana the other tests reproduce, checked against what Grafana's source and
 * its own tests say they do, so that a dashboard or rule does not pass here by a fault of the
 * reproduction.
 */
class GrafanaReproductionTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void theRegexFormatEscapesOneValueAndJoinsSeveralAndAllIsTheCustomAllValueUnescaped() {
        TemplateSrv variables = new TemplateSrv()
            .set("one", TemplateSrv.Value.of("test.$x/y"))
            .set("several", new TemplateSrv.Value(List.of("test.", "test2"), List.of("test.", "test2", "test3"), null))
            .set("all", new TemplateSrv.Value(List.of(TemplateSrv.ALL), List.of("a.b", "c"), ".*"))
            .set("allWithout", new TemplateSrv.Value(List.of(TemplateSrv.ALL), List.of("a.b", "c"), null));

        assertThat(variables.replace("/^$one$/", "regex")).isEqualTo("/^test\\.\\$x\\/y$/");
        assertThat(variables.replace("/^$several$/", "regex")).isEqualTo("/^(test\\.|test2)$/");
        assertThat(variables.replace("/^${all}$/", "regex")).isEqualTo("/^.*$/");
        assertThat(variables.replace("/^[[allWithout]]$/", "regex")).isEqualTo("/^(a\\.b|c)$/");
        assertThat(variables.replace("${several:pipe} ${several:raw}", "regex")).isEqualTo("test.|test2 test.,test2");
        assertThat(variables.replace("WHERE $timeFilter GROUP BY time($__interval)", "regex"))
            .as("names that are no variable are left for the back end").isEqualTo("WHERE $timeFilter GROUP BY time($__interval)");
        assertThatThrownBy(() -> variables.replace("${one:json}", "regex")).hasMessageContaining("json");
    }

    @Test
    void theBackEndReplacesTimeFilterAndIntervalsButNotTheSqlMacro() {
        InfluxQl.TimeRange range = InfluxQl.TimeRange.relative("now-6h", "now", NOW);
        String query = InfluxQl.interpolate("WHERE $timeFilter GROUP BY time($__interval) LIMIT $__interval_ms -- $interval $__timeFilter",
            range, Duration.ofSeconds(30));

        assertThat(query).isEqualTo("WHERE time >= " + NOW.minusSeconds(6 * 3600).toEpochMilli() + "ms and time <= "
            + NOW.toEpochMilli() + "ms GROUP BY time(30s) LIMIT 30000 -- 30s $__timeFilter");
        assertThatThrownBy(() -> InfluxQl.requireNoVariables(query)).hasMessageContaining("__timeFilter");
    }

    @Test
    void intervalsAreTheRangeOverTheDataPointsRoundedAndNeverBelowTheMinimum() {
        InfluxQl.TimeRange sixHours = InfluxQl.TimeRange.relative("now-6h", "now", NOW);
        InfluxQl.TimeRange week = InfluxQl.TimeRange.relative("now-7d", "now", NOW);

        assertThat(InfluxQl.interval(sixHours, 1000, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(20)); // 21.6s
        assertThat(InfluxQl.interval(sixHours, 1000, Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
        assertThat(InfluxQl.interval(week, 1000, Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(10));    // 604.8s
        assertThat(InfluxQl.formatInterval(Duration.ofMinutes(90))).isEqualTo("1h");
        assertThat(InfluxQl.formatInterval(Duration.ofMillis(500))).isEqualTo("500ms");
    }

    private static Sse.Number n(double value, String... labels) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            map.put(labels[i], labels[i + 1]);
        }
        return new Sse.Number(map, value);
    }

    @Test
    void mathPairsNumbersByEqualOrContainedLabelsAndFollowsGosPrecedence() {
        Map<String, List<Sse.Number>> variables = Map.of(
            "A", List.of(n(10, "host", "a", "check", "x"), n(20, "host", "b", "check", "x")),
            "B", List.of(n(1, "host", "a"), n(2, "host", "c")),
            "C", List.of(n(3, "host", "a", "check", "y")),
            "D", List.of(n(0)));

        assertThat(MathExpression.evaluate("$A + $B", variables)).as("contained labels pair; the larger set is kept")
            .containsExactly(n(11, "host", "a", "check", "x"));
        assertThat(MathExpression.evaluate("$A - $C", variables)).as("same size, different labels: no pair").isEmpty();
        assertThat(MathExpression.evaluate("$C * $D", variables)).as("no labels pair with anything").containsExactly(
            n(0, "host", "a", "check", "y"));
        assertThat(MathExpression.evaluate("1 + 2 * 3 > 6 && !0 || 0", variables)).containsExactly(n(1));
        assertThat(MathExpression.evaluate("-(2 - 5) * 2 == 6", variables)).containsExactly(n(1));
        assertThat(MathExpression.evaluate("($B - 1) * 60 > 3 * ($D + 300 * ($D <= 0))", variables))
            .containsExactly(n(0, "host", "a"), n(0, "host", "c"));
        assertThatThrownBy(() -> MathExpression.evaluate("abs($D)", variables)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reduceModesTreatMissingValuesAsGrafanaDoes() {
        InfluxQl.Frame frame = new InfluxQl.Frame("m.v", Map.of("host", "a"), List.of(1L, 2L, 3L), Arrays.asList(1.0, null, 5.0));

        assertThat(Sse.reduce(List.of(frame), "mean", "", 0)).singleElement()
            .satisfies(number -> assertThat(number.value()).isNaN());
        assertThat(Sse.reduce(List.of(frame), "mean", "dropNN", 0)).containsExactly(n(3, "host", "a"));
        assertThat(Sse.reduce(List.of(frame), "sum", "replaceNN", 4)).containsExactly(n(10, "host", "a"));
        assertThat(Sse.reduce(List.of(frame), "count", "", 0)).containsExactly(n(3, "host", "a"));
        assertThat(Sse.reduce(List.of(frame), "last", "dropNN", 0)).containsExactly(n(5, "host", "a"));
        assertThat(Sse.threshold(List.of(n(3), n(2)), "gt", List.of(2.0))).containsExactly(n(1), n(0));
    }

    @Test
    void provisioningReadsTheEnvironmentExceptWhereADoubleDollarOrARawModelSaysOtherwise() {
        Map<String, String> environment = Map.of("KEY", "k3y", "HOST", "h");

        assertThat(Provisioning.interpolate("$KEY and ${HOST} and $__env{KEY} and $$KEY and $UNSET.", environment))
            .isEqualTo("k3y and h and k3y and $KEY and .");
        assertThat(Provisioning.interpolateAnnotation("{{ $labels.host }} on ${HOST}", environment))
            .isEqualTo("{{ $labels.host }} on h");
        assertThat(Provisioning.isReference("$__file{/run/secrets/key}")).isTrue();
        assertThat(Provisioning.isReference("Token $KEY")).isFalse();
        assertThat(Provisioning.duration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    }
}
