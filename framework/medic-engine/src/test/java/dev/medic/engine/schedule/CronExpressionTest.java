package dev.medic.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class CronExpressionTest {

    private static ZonedDateTime at(String time) {
        return ZonedDateTime.parse(time + "Z").withZoneSameInstant(ZoneOffset.UTC);
    }

    private static CronExpression cron(String text) {
        return CronExpression.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
    }

    @Test
    void fixedTimeMatchesOnlyThatMinute() {
        CronExpression daily = cron("30 2 * * *");

        assertThat(daily.matches(at("2026-11-20T02:30:00"))).isTrue();
        assertThat(daily.matches(at("2026-11-20T02:31:00"))).isFalse();
        assertThat(daily.next(at("2026-11-20T02:30:00"))).isEqualTo(at("2026-11-21T02:30:00"));
    }

    @Test
    void stepsRangesListsAndNamesAreUnderstood() {
        assertThat(cron("*/15 * * * *").next(at("2026-11-20T10:07:00"))).isEqualTo(at("2026-11-20T10:15:00"));
        assertThat(cron("0 9-17/4 * * MON-FRI").next(at("2026-11-20T17:30:00")))
            .as("Friday 17:30 to Monday 09:00").isEqualTo(at("2026-11-23T09:00:00"));
        assertThat(cron("0 0 1,15 JAN,JUL *").next(at("2026-11-20T00:00:00"))).isEqualTo(at("2027-01-01T00:00:00"));
    }

    @Test
    void sundayIsZeroOrSeven() {
        assertThat(cron("0 12 * * 0").matches(at("2026-11-22T12:00:00"))).isTrue();
        assertThat(cron("0 12 * * 7").matches(at("2026-11-22T12:00:00"))).isTrue();
    }

    @Test
    void restrictedDayOfMonthAndDayOfWeekMatchEitherAsInCron() {
        CronExpression firstOrMonday = cron("0 0 1 * MON");

        assertThat(firstOrMonday.matches(at("2026-12-01T00:00:00"))).as("the first, a Tuesday").isTrue();
        assertThat(firstOrMonday.matches(at("2026-11-23T00:00:00"))).as("a Monday").isTrue();
        assertThat(firstOrMonday.matches(at("2026-11-24T00:00:00"))).isFalse();
    }

    @Test
    void theLatestStartWithinALookbackIsFound() {
        CronExpression nightly = cron("0 2 * * *");

        assertThat(nightly.latestAtOrBefore(at("2026-11-20T02:29:59"), Duration.ofMinutes(30))).contains(at("2026-11-20T02:00:00"));
        assertThat(nightly.latestAtOrBefore(at("2026-11-20T02:31:00"), Duration.ofMinutes(30))).isEmpty();
    }

    @Test
    void malformedExpressionsAreRefused() {
        for (String text : new String[] {"* * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *", "* * * * 8",
                "*/0 * * * *", "5-2 * * * *", "a b c d e", ""}) {
            assertThat(CronExpression.parse(text)).as(text).isEmpty();
        }
    }
}
