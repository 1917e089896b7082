package io.hyperx.app.bench;

import java.util.Locale;

/** The benchmark's figures as a Markdown table, and the page docs/performance.md around it. */
final class BenchmarkReport {

    static final String COMMAND = "./hyperx bench";

    private BenchmarkReport() {
    }

    static String markdown(PaymentFlowHarness.Report r, String date, String machine) {
        PaymentFlowHarness.Settings s = r.settings();
        return String.format(Locale.ROOT, """
                Run of %s on %s. PostgreSQL 17 (embedded), synchronous_commit/fsync: %s.
                %d creators, %d fans, %d concurrent clients, %d s per phase. Command: `%s`.

                | measure | value |
                |---|---|
                | rows written per payment flow (PostgreSQL statistics) | %d |
                | raw baseline: JDBC transactions of %d single-row inserts | %.0f tx/s |
                | payment flow: signed webhook -> ledger row in the projection | %.0f flows/s (%d flows) |
                | **ratio flows/s / raw tx/s** | **%.2f** |
                | webhook ack latency at peak: p50 / p95 / p99 | %.1f / %.1f / %.1f ms |
                | webhook ack latency at half the peak rate: p50 / p95 / p99 | %.1f / %.1f / %.1f ms |
                | ledger caught up after the last webhook | %d ms |
                %s""",
                date, machine, r.durability(), s.creators(), s.fans(), s.concurrency(),
                s.duration().toSeconds(), s.storeEvents() > 0 ? COMMAND + " --replay-million" : COMMAND,
                r.rowsPerFlow(), r.rowsPerFlow(), r.rawTransactionsPerSecond(),
                r.flowsPerSecond(), r.flows(), r.ratio(), r.peakAck().p50(), r.peakAck().p95(), r.peakAck().p99(),
                r.halfPeakAck().p50(), r.halfPeakAck().p95(), r.halfPeakAck().p99(), r.catchUp().toMillis(),
                replayRows(r));
    }

    private static String replayRows(PaymentFlowHarness.Report r) {
        StringBuilder rows = new StringBuilder();
        for (PaymentFlowHarness.ReplayFigure figure : r.replays()) {
            rows.append(String.format(Locale.ROOT, "| replay: %s | %,d events in %.1f s = %,.0f events/s |%n",
                    figure.what(), figure.storeEvents(), figure.time().toMillis() / 1000.0,
                    figure.eventsPerSecond()));
        }
        return rows.toString();
    }

    static final String START = "<!-- bench:start -->";
    static final String END = "<!-- bench:end -->";

    /** The page with the latest run's table put between its markers; the analysis around it is kept. */
    static String document(String existing, String table) {
        int start = existing.indexOf(START);
        int end = existing.indexOf(END);
        if (start < 0 || end < start) {
            return existing + System.lineSeparator() + START + System.lineSeparator() + table + END
                    + System.lineSeparator();
        }
        return existing.substring(0, start + START.length()) + System.lineSeparator() + table
                + existing.substring(end);
    }
}
