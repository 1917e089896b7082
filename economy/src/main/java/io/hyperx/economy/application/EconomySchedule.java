package io.hyperx.economy.application;

import io.hyperx.economy.api.PaymentCredited;
import io.hyperx.economy.api.PayoutRequested;
import io.hyperx.kernel.Ids;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes economy's future into the due-date table {@code economy.scheduled_job}: the release of each payment's hold
 * at {@code holdUntil}, and each payout's submission to the provider. Job ids derive from their cause, so a
 * redelivered event schedules nothing twice; {@link EconomySweeper} runs them.
 */
@Component
@ProcessingGroup(EconomyConfiguration.PROCESSING_GROUP)
@DisallowReplay
class EconomySchedule {

    static final String RELEASE_HOLD = "RELEASE_HOLD";
    static final String PAYOUT = "PAYOUT";

    private final JdbcTemplate jdbc;

    EconomySchedule(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentCredited event) {
        schedule(RELEASE_HOLD, event.walletId().creatorId(), event.holdUntil(),
                "{\"paymentId\":\"" + event.paymentId() + "\"}", event.paymentId().toString());
    }

    @EventHandler
    void on(PayoutRequested event) {
        schedule(PAYOUT, event.walletId().creatorId(), event.occurredAt(),
                "{\"payoutId\":\"" + event.payoutId() + "\",\"amountMinor\":" + event.amount().amountMinor()
                        + ",\"feeMinor\":" + event.fee().amountMinor() + ",\"currency\":\""
                        + event.amount().currency().getCurrencyCode() + "\"}", event.payoutId().toString());
    }

    private void schedule(String kind, UUID creatorId, Instant dueAt, String payload, String key) {
        jdbc.update("""
                        INSERT INTO economy.scheduled_job (job_id, kind, creator_id, due_at, payload)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT (job_id) DO NOTHING""",
                Ids.deterministic("economy-job", kind, key), kind, creatorId, Timestamp.from(dueAt), payload);
    }
}
