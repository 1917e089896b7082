package io.hyperx.economy.query;

import io.hyperx.economy.api.FindFraudSignalsQuery;
import io.hyperx.economy.api.FindTipsQuery;
import io.hyperx.economy.api.FraudSeverity;
import io.hyperx.economy.api.FraudSignalPage;
import io.hyperx.economy.api.FraudSignalRaised;
import io.hyperx.economy.api.TipPage;
import io.hyperx.economy.api.TipSent;
import io.hyperx.economy.api.TipView;
import io.hyperx.economy.application.EconomyConfiguration;
import io.hyperx.kernel.Money;
import io.hyperx.kernel.ProjectionTables;
import io.hyperx.subscription.api.PaymentFailed;
import io.hyperx.subscription.api.PaymentInitiated;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentRefunded;
import io.hyperx.subscription.api.PaymentSucceeded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * Tips (with their payment's outcome), fraud signals, and the payments each payer started (for the per-hour fraud
 * rules). Absolute-state, idempotent writes in JDBC batches ({@link ProjectionWrites}); event times only.
 */
@Component
@ProcessingGroup(EconomyConfiguration.PROCESSING_GROUP)
@ProjectionTables({"economy.tip", "economy.tip_payment", "economy.payer_payment", "economy.fraud_signal"})
public class ActivityProjection {

    private static final List<String> TIP_OUTCOME_RANK = List.of("FAILED", "SUCCEEDED", "REFUNDED");

    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;

    ActivityProjection(JdbcTemplate jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(TipSent event) {
        writes.add("""
                        INSERT INTO economy.tip (tip_id, fan_id, creator_id, payment_id, currency, amount_minor, message,
                                                 anonymous, sent_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tip_id) DO NOTHING""",
                event.tipId().value(), event.fanId(), event.creatorId(), event.paymentId().value(),
                event.amount().currency().getCurrencyCode(), event.amount().amountMinor(), event.message(),
                event.anonymous(), Timestamp.from(event.occurredAt()));
    }

    @EventHandler
    void on(PaymentInitiated event) {
        writes.add("""
                        INSERT INTO economy.payer_payment (payment_id, payer_id, currency, amount_minor, initiated_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (payment_id) DO NOTHING""",
                event.paymentId().value(), event.payerId(), event.amount().currency().getCurrencyCode(),
                event.amount().amountMinor(), Timestamp.from(event.occurredAt()));
    }

    @EventHandler
    void on(PaymentSucceeded event) {
        tipStatus(event.purpose(), event.purposeReference(), "SUCCEEDED");
    }

    @EventHandler
    void on(PaymentFailed event) {
        tipStatus(event.purpose(), event.purposeReference(), "FAILED");
    }

    @EventHandler
    void on(PaymentRefunded event) {
        tipStatus(event.purpose(), event.purposeReference(), "REFUNDED");
    }

    /**
     * Order-tolerant: a later outcome replaces an earlier one by rank (FAILED < SUCCEEDED < REFUNDED), in the
     * table and among the outcomes of one batch.
     */
    private void tipStatus(PaymentPurpose purpose, UUID reference, String status) {
        if (purpose == PaymentPurpose.TIP && reference != null) {
            writes.merge("""
                    INSERT INTO economy.tip_payment (tip_id, status) VALUES (?, ?)
                    ON CONFLICT (tip_id) DO UPDATE SET status = EXCLUDED.status
                    WHERE array_position(ARRAY['FAILED', 'SUCCEEDED', 'REFUNDED'], EXCLUDED.status)
                        > array_position(ARRAY['FAILED', 'SUCCEEDED', 'REFUNDED'], economy.tip_payment.status)""",
                    reference, new Object[]{reference, status},
                    (earlier, later) -> TIP_OUTCOME_RANK.indexOf((String) later[1])
                            > TIP_OUTCOME_RANK.indexOf((String) earlier[1]) ? later : earlier);
        }
    }

    @EventHandler
    void on(FraudSignalRaised event) {
        writes.add("""
                        INSERT INTO economy.fraud_signal (signal_id, rule, severity, blocked, payer_id, creator_id,
                                                          currency, amount_minor, purpose, reference_id, detail,
                                                          occurred_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (signal_id) DO NOTHING""",
                event.signalId(), event.rule(), event.severity().name(), event.blocked(), event.payerId(),
                event.creatorId(), event.amount() == null ? null : event.amount().currency().getCurrencyCode(),
                event.amount() == null ? null : event.amount().amountMinor(),
                event.purpose() == null ? null : event.purpose().name(), event.reference(), event.detail(),
                Timestamp.from(event.occurredAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE economy.tip, economy.tip_payment, economy.payer_payment, economy.fraud_signal");
    }

    @QueryHandler
    public TipPage handle(FindTipsQuery query) {
        Paging paging = Paging.of(query.page(), query.size());
        boolean asFan = query.fanId() != null;
        String where = asFan ? "fan_id = ?" : "creator_id = ?";
        UUID who = asFan ? query.fanId() : query.creatorId();
        Long total = jdbc.queryForObject("SELECT count(*) FROM economy.tip WHERE " + where, Long.class, who);
        List<TipView> tips = jdbc.query("SELECT t.*, coalesce(p.status, 'PENDING') AS status FROM economy.tip t"
                        + " LEFT JOIN economy.tip_payment p ON p.tip_id = t.tip_id WHERE t." + where
                        + " ORDER BY t.sent_at DESC, t.tip_id LIMIT ? OFFSET ?",
                (row, i) -> {
                    boolean anonymous = row.getBoolean("anonymous");
                    return new TipView(row.getObject("tip_id", UUID.class),
                            anonymous && !asFan ? null : row.getObject("fan_id", UUID.class),
                            row.getObject("creator_id", UUID.class),
                            Money.of(row.getLong("amount_minor"), row.getString("currency")),
                            row.getString("message"), anonymous, row.getString("status"),
                            row.getTimestamp("sent_at").toInstant());
                }, who, paging.size(), paging.offset());
        return new TipPage(tips, paging.pagination(total == null ? 0 : total));
    }

    @QueryHandler
    public FraudSignalPage handle(FindFraudSignalsQuery query) {
        Paging paging = Paging.of(query.page(), query.size());
        Long total = jdbc.queryForObject("SELECT count(*) FROM economy.fraud_signal", Long.class);
        List<FraudSignalRaised> signals = jdbc.query("""
                        SELECT * FROM economy.fraud_signal ORDER BY occurred_at DESC, signal_id LIMIT ? OFFSET ?""",
                (row, i) -> new FraudSignalRaised(row.getObject("signal_id", UUID.class), row.getString("rule"),
                        FraudSeverity.valueOf(row.getString("severity")), row.getBoolean("blocked"),
                        row.getObject("payer_id", UUID.class), row.getObject("creator_id", UUID.class),
                        row.getString("currency") == null ? null
                                : Money.of(row.getLong("amount_minor"), row.getString("currency")),
                        row.getString("purpose") == null ? null : PaymentPurpose.valueOf(row.getString("purpose")),
                        row.getObject("reference_id", UUID.class), row.getString("detail"),
                        row.getTimestamp("occurred_at").toInstant()),
                paging.size(), paging.offset());
        return new FraudSignalPage(signals, paging.pagination(total == null ? 0 : total));
    }
}
