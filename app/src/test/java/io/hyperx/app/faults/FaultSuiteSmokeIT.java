package io.hyperx.app.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite, small: every scenario runs once with a few faults, so the harness cannot rot; it asserts the
 * rows the code already holds (see the note in docs/operations.md) and that every scenario reported.
 */
@Timeout(900)
class FaultSuiteSmokeIT {

    @Test
    void aSmallRunReportsEveryScenario() throws Exception {
        List<FaultHarness.Row> rows = new FaultHarness(new FaultHarness.Settings(30, 10, 3, 1, 1,
                Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(10), 2, true, 0, 0, 0)).run();
        System.out.println(FaultReport.markdown(rows, "Fault suite, small run"));

        assertThat(rows).extracting(FaultHarness.Row::scenario).containsExactly(
                "webhook storm", "poison event", "poison event", "kill -9 app x1 under load",
                "kill -9 PostgreSQL x1 under load", "all crashes", "after the last crash",
                "database cut 3 s (TCP proxy)", "database cut 3 s (TCP proxy)");
        assertThat(held(rows, "webhook storm")).isTrue();
    }

    private static boolean held(List<FaultHarness.Row> rows, String scenario) {
        return rows.stream().filter(row -> row.scenario().equals(scenario)).allMatch(FaultHarness.Row::held);
    }
}
