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
                | replay of every processing group (events the run produced) | %,d events in %.1f s = %,.0f events/s |
                """,
                date, machine, r.durability(), s.creators(), s.fans(), s.concurrency(),
                s.duration().toSeconds(), COMMAND, r.rowsPerFlow(), r.rowsPerFlow(), r.rawTransactionsPerSecond(),
                r.flowsPerSecond(), r.flows(), r.ratio(), r.peakAck().p50(), r.peakAck().p95(), r.peakAck().p99(),
                r.halfPeakAck().p50(), r.halfPeakAck().p95(), r.halfPeakAck().p99(), r.catchUp().toMillis(),
                r.replayedEvents(), r.replayTime().toMillis() / 1000.0, r.replayEventsPerSecond());
    }

    static String document(String table) {
        return """
                # Performance

                The benchmark measures HyperX against raw PostgreSQL in the same run, on the same server, with the
                same clients and duration: `./hyperx bench` (sizes: `-Dbench.creators`, `-Dbench.fans`,
                `-Dbench.concurrency`, `-Dbench.seconds`). It starts HyperX on a fresh database of an embedded
                PostgreSQL 17 with `synchronous_commit` on, initiates tip payments through the public
                `InitiatePaymentCommand` (charged by the Stripe simulator, whose own webhooks go to a sink), then:

                1. fires signed `payment_intent.succeeded` webhooks from N clients for T seconds and waits until every
                   payment has its journal entry in `economy.journal_entry` (flows/s counted to that moment);
                2. counts the rows one flow wrote (inserts + updates + deletes from `pg_stat_user_tables`);
                3. repeats the firing at half the measured rate for T/2 seconds (latency at half the peak);
                4. runs the raw baseline: N JDBC clients committing transactions of that many single-row jsonb
                   inserts for T seconds;
                5. resets every processing group and replays the store into it.

                ## Latest run

                """ + table + """

                ## Not measured yet

                - Replay of a 1,000,000-event store (needs a bulk loader of valid events).
                - The access decision at 1,000/s is measured separately by the content context's
                  `AccessDecisionBenchmark` (see docs/content.md).
                """;
    }
}
