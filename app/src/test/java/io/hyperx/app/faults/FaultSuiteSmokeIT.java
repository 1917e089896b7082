package io.hyperx.app.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite, small, so that the harness cannot rot: a webhook storm of 40 payments, the poison event, one
 * kill -9 of the app under load and a 3 s database cut. It asserts that every scenario reported and that the rows
 * the code holds today held (the storm, the poison event); the crash and cut rows are printed, not asserted, until
 * the fixes of issue 18 items 1-5 are in (docs/operations.md, "Fault suite").
 */
@Timeout(900)
class FaultSuiteSmokeIT {

    @Test
    void aSmallRunReportsEveryScenario() throws Exception {
        List<FaultHarness.Row> rows = new FaultHarness(new FaultHarness.Settings(30, 10, 3, 1, 0,
                Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(10), 2, true, 0, 0, 0)).run();
        System.out.println(FaultReport.markdown(rows, "Fault suite, small run"));

        assertThat(rows).extracting(FaultHarness.Row::scenario).containsExactly(
                "webhook storm", "poison event", "poison event", "kill -9 app x1 under load", "all crashes",
                "after the last crash",
                "database cut 3 s (TCP proxy)", "database cut 3 s (TCP proxy)");
        assertThat(held(rows, "webhook storm")).as("webhook storm").isTrue();
        assertThat(held(rows, "poison event")).as("poison event").isTrue();
    }

    private static boolean held(List<FaultHarness.Row> rows, String scenario) {
        return rows.stream().filter(row -> row.scenario().equals(scenario)).allMatch(FaultHarness.Row::held);
    }
}
