package io.hyperx.economy.query;

import io.hyperx.economy.api.FindPayoutQuery;
import io.hyperx.economy.api.FindPayoutSettingsQuery;
import io.hyperx.economy.api.FindPayoutsQuery;
import io.hyperx.economy.api.PayoutAttemptFailed;
import io.hyperx.economy.api.PayoutCompleted;
import io.hyperx.economy.api.PayoutFailed;
import io.hyperx.economy.api.PayoutPage;
import io.hyperx.economy.api.PayoutRequested;
import io.hyperx.economy.api.PayoutSettingsChanged;
import io.hyperx.economy.api.PayoutSettingsView;
import io.hyperx.economy.api.PayoutStatus;
import io.hyperx.economy.api.PayoutView;
import io.hyperx.economy.application.EconomyConfiguration;
import io.hyperx.kernel.Money;
import io.hyperx.kernel.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/** Payouts and payout settings per creator. Handlers write absolute state, so redelivery leaves the same row. */
@Component
@ProcessingGroup(EconomyConfiguration.PROCESSING_GROUP)
@ProjectionTables({"economy.payout", "economy.payout_settings"})
public class PayoutProjection {

    private static final RowMapper<PayoutView> VIEW = (row, i) -> new PayoutView(
            row.getObject("payout_id", UUID.class), row.getObject("creator_id", UUID.class),
            Money.of(row.getLong("amount_minor"), row.getString("currency")),
            Money.of(row.getLong("fee_minor"), row.getString("currency")),
            PayoutStatus.valueOf(row.getString("status")), row.getTimestamp("requested_at").toInstant(),
            row.getTimestamp("settled_at") == null ? null : row.getTimestamp("settled_at").toInstant(),
            row.getString("provider_reference"), row.getString("failure_reason"), row.getInt("failed_attempts"),
            row.getTimestamp("next_attempt_at") == null ? null : row.getTimestamp("next_attempt_at").toInstant());

    private final JdbcTemplate jdbc;

    PayoutProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PayoutRequested event) {
        jdbc.update("""
                        INSERT INTO economy.payout (payout_id, creator_id, currency, amount_minor, fee_minor, status,
                                                    requested_at)
                        VALUES (?, ?, ?, ?, ?, 'REQUESTED', ?) ON CONFLICT (payout_id) DO NOTHING""",
                event.payoutId().value(), event.walletId().creatorId(), event.amount().currency().getCurrencyCode(),
                event.amount().amountMinor(), event.fee().amountMinor(), Timestamp.from(event.occurredAt()));
    }

    @EventHandler
    void on(PayoutCompleted event) {
        jdbc.update("""
                        UPDATE economy.payout SET status = 'COMPLETED', settled_at = ?, provider_reference = ?,
                                                  next_attempt_at = NULL
                        WHERE payout_id = ?""", Timestamp.from(event.occurredAt()), event.providerReference(),
                event.payoutId().value());
    }

    @EventHandler
    void on(PayoutFailed event) {
        jdbc.update("""
                        UPDATE economy.payout SET status = 'FAILED', settled_at = ?, failure_reason = ?,
                                                  next_attempt_at = NULL
                        WHERE payout_id = ?""", Timestamp.from(event.occurredAt()), event.reason(),
                event.payoutId().value());
    }

    @EventHandler
    void on(PayoutAttemptFailed event) {
        jdbc.update("""
                        UPDATE economy.payout SET status = 'RETRYING', failed_attempts = ?, failure_reason = ?,
                                                  next_attempt_at = ?
                        WHERE payout_id = ? AND status IN ('REQUESTED', 'RETRYING') AND failed_attempts < ?""",
                event.attempt(), event.reason(), Timestamp.from(event.nextAttemptAt()), event.payoutId().value(),
                event.attempt());
    }

    @EventHandler
    void on(PayoutSettingsChanged event) {
        jdbc.update("""
                        INSERT INTO economy.payout_settings (creator_id, daily_auto_payout, minimum_minor,
                                                             minimum_currency, updated_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (creator_id) DO UPDATE SET daily_auto_payout = excluded.daily_auto_payout,
                            minimum_minor = excluded.minimum_minor, minimum_currency = excluded.minimum_currency,
                            updated_at = excluded.updated_at
                        WHERE economy.payout_settings.updated_at <= excluded.updated_at""",
                event.walletId().creatorId(), event.dailyAutoPayout(),
                event.minimum() == null ? null : event.minimum().amountMinor(),
                event.minimum() == null ? null : event.minimum().currency().getCurrencyCode(),
                Timestamp.from(event.occurredAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE economy.payout, economy.payout_settings");
    }

    @QueryHandler
    public PayoutSettingsView handle(FindPayoutSettingsQuery query) {
        return jdbc.query("SELECT * FROM economy.payout_settings WHERE creator_id = ?", (row, i) ->
                new PayoutSettingsView(row.getBoolean("daily_auto_payout"), row.getString("minimum_currency") == null
                        ? null : Money.of(row.getLong("minimum_minor"), row.getString("minimum_currency"))),
                query.creatorId()).stream().findFirst().orElse(new PayoutSettingsView(false, null));
    }

    @QueryHandler
    public PayoutPage handle(FindPayoutsQuery query) {
        Paging paging = Paging.of(query.page(), query.size());
        Long total = jdbc.queryForObject("SELECT count(*) FROM economy.payout WHERE creator_id = ?", Long.class,
                query.creatorId());
        List<PayoutView> data = jdbc.query("""
                SELECT * FROM economy.payout WHERE creator_id = ?
                ORDER BY requested_at DESC, payout_id LIMIT ? OFFSET ?""", VIEW, query.creatorId(), paging.size(),
                paging.offset());
        return new PayoutPage(data, paging.pagination(total == null ? 0 : total));
    }

    @QueryHandler
    public PayoutView handle(FindPayoutQuery query) {
        return jdbc.query("SELECT * FROM economy.payout WHERE creator_id = ? AND payout_id = ?", VIEW,
                query.creatorId(), query.payoutId()).stream().findFirst().orElse(null);
    }
}
