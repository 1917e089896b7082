package io.hyperx.app.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the benchmark harness from rotting: a tiny run must produce a complete, plausible report. */
@Timeout(300)
class PaymentFlowBenchmarkSmokeIT {

    @Test
    void aTinyRunMeasuresEveryPhase() throws Exception {
        PaymentFlowHarness.Report report = new PaymentFlowHarness(
                new PaymentFlowHarness.Settings(2, 4, 2, Duration.ofSeconds(2), 50_000)).run();

        assertThat(report.durability()).isEqualTo("on/on");
        assertThat(report.flows()).isPositive();
        assertThat(report.flowsPerSecond()).isPositive();
        assertThat(report.rowsPerFlow()).isGreaterThan(1);
        assertThat(report.rawTransactionsPerSecond()).isPositive();
        assertThat(report.peakAck().samples()).isEqualTo(report.flows());
        assertThat(report.replays()).hasSize(6).allSatisfy(replay -> assertThat(replay.storeEvents()).isPositive());
        // the store grown by copies of the run's events, replayed like the original
        assertThat(report.replays().get(3).storeEvents()).isGreaterThanOrEqualTo(50_000)
                .isGreaterThan(report.replays().get(0).storeEvents());
        String table = BenchmarkReport.markdown(report, "today", "this machine");
        assertThat(table).contains("ratio flows/s / raw tx/s");
        assertThat(BenchmarkReport.document("analysis\n<!-- bench:start -->\nold run\n<!-- bench:end -->\nmore",
                table)).contains("analysis", table, "more").doesNotContain("old run");
    }
}
