package dev.medic.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RepairResultTest {

    @Test
    void succeededResultIsASuccessWithItsMessageAndNoDetails() {
        RepairResult result = RepairResult.succeeded("restarted the service");

        assertThat(result.status()).isEqualTo(RepairResult.Status.SUCCEEDED);
        assertThat(result.isSuccess()).isTrue();
        assertThat(result.message()).isEqualTo("restarted the service");
        assertThat(result.details()).isEmpty();
    }

    @Test
    void failedResultIsNotASuccess() {
        RepairResult result = RepairResult.failed("no permission");

        assertThat(result.status()).isEqualTo(RepairResult.Status.FAILED);
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.message()).isEqualTo("no permission");
    }

    @Test
    void missingMessageAndDetailsBecomeEmptyButAStatusIsRequired() {
        RepairResult result = new RepairResult(RepairResult.Status.FAILED, null, null);

        assertThat(result.message()).isEmpty();
        assertThat(result.details()).isEmpty();
        assertThatThrownBy(() -> new RepairResult(null, "x", Map.of())).isInstanceOf(NullPointerException.class)
            .hasMessage("status");
    }

    @Test
    void withDetailReturnsACopyAndLeavesTheOriginalAlone() {
        RepairResult original = RepairResult.succeeded("restarted");

        RepairResult detailed = original.withDetail("pid", 4242).withDetail("exit", 0).withDetail("pid", 4343);

        assertThat(detailed.details()).containsExactlyInAnyOrderEntriesOf(Map.of("pid", "4343", "exit", "0"));
        assertThat(detailed.status()).isEqualTo(original.status());
        assertThat(detailed.message()).isEqualTo("restarted");
        assertThat(original.details()).isEmpty();
        assertThat(RepairResult.failed("x").withDetail("cause", null).details()).containsEntry("cause", "null");
        assertThatThrownBy(() -> original.withDetail(null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void detailsAreCopiedAndCannotBeChanged() {
        Map<String, String> details = new HashMap<>(Map.of("pid", "1"));
        RepairResult result = new RepairResult(RepairResult.Status.SUCCEEDED, "ok", details);

        details.put("pid", "2");

        assertThat(result.details()).containsExactly(Map.entry("pid", "1"));
        assertThatThrownBy(() -> result.details().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.withDetail("a", 1).details().clear())
            .isInstanceOf(UnsupportedOperationException.class);
    }
}
