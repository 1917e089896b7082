package io.hyperx.content.query;

import io.hyperx.kernel.ProjectionTables;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentRefunded;
import io.hyperx.subscription.api.PaymentSucceeded;
import io.hyperx.subscription.api.SubscriptionActivated;
import io.hyperx.subscription.api.SubscriptionCancelled;
import io.hyperx.subscription.api.SubscriptionEnteredGracePeriod;
import io.hyperx.subscription.api.SubscriptionExpired;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.SubscriptionPaused;
import io.hyperx.subscription.api.SubscriptionRecovered;
import io.hyperx.subscription.api.SubscriptionRenewed;
import io.hyperx.subscription.api.SubscriptionStarted;
import io.hyperx.subscription.api.SubscriptionTierChanged;
import io.hyperx.subscription.api.SubscriptionTrialStarted;
import io.hyperx.subscription.api.SubscriptionUnpaused;
import io.hyperx.subscription.api.TierArchived;
import io.hyperx.subscription.api.TierCreated;
import io.hyperx.subscription.api.TierUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static io.hyperx.content.query.PostCatalogProjection.ts;

/**
 * Who may see what: tiers (ranks), memberships per subscription (ACTIVE, TRIALING and GRACE_PERIOD grant their
 * tier; PENDING, PAUSED, EXPIRED and CANCELLED grant nothing) and unlocks per succeeded purchase or pay-per-view
 * payment (only a full refund revokes; a partial one keeps access). Every write sets absolute state, so redelivery
 * and replay give the same rows.
 */
@Component
@ProcessingGroup(ContentProjections.GROUP)
@ProjectionTables({"content.unlock", "content.membership", "content.tier"})
class EntitlementProjection {

    static final String ACTIVE = "ACTIVE";
    static final String TRIALING = "TRIALING";
    static final String GRACE_PERIOD = "GRACE_PERIOD";

    private final JdbcTemplate jdbc;

    EntitlementProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- tiers --------------------------------------------------------------------------------------------------

    @EventHandler
    void on(TierCreated event, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO content.tier (tier_id, creator_id, name, rank, price_minor, currency, published, archived,
                                          updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, false, ?) ON CONFLICT (tier_id) DO NOTHING""",
                event.tierId().value(), event.creatorId(), event.name(), event.rank(), event.price().amountMinor(),
                event.price().currency().getCurrencyCode(), event.published(), ts(at));
    }

    @EventHandler
    void on(TierUpdated event, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE content.tier SET name = ?, rank = ?, price_minor = ?, currency = ?, published = ?, updated_at = ?
                WHERE tier_id = ?""", event.name(), event.rank(), event.price().amountMinor(),
                event.price().currency().getCurrencyCode(), event.published(), ts(at), event.tierId().value());
    }

    @EventHandler
    void on(TierArchived event, @Timestamp Instant at) {
        jdbc.update("UPDATE content.tier SET archived = true, updated_at = ? WHERE tier_id = ?", ts(at),
                event.tierId().value());
    }

    // --- memberships --------------------------------------------------------------------------------------------

    @EventHandler
    void on(SubscriptionStarted event, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO content.membership (subscription_id, fan_id, creator_id, tier_id, tier_rank, status,
                                                updated_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING', ?) ON CONFLICT (subscription_id) DO NOTHING""",
                event.subscriptionId().value(), event.fanId(), event.creatorId(), event.tierId().value(),
                event.tierRank(), ts(at));
    }

    @EventHandler
    void on(SubscriptionTrialStarted event, @Timestamp Instant at) {
        status(event.subscriptionId(), TRIALING, at);
    }

    @EventHandler
    void on(SubscriptionActivated event, @Timestamp Instant at) {
        status(event.subscriptionId(), ACTIVE, at);
    }

    @EventHandler
    void on(SubscriptionRenewed event, @Timestamp Instant at) {
        status(event.subscriptionId(), ACTIVE, at);
    }

    @EventHandler
    void on(SubscriptionRecovered event, @Timestamp Instant at) {
        status(event.subscriptionId(), ACTIVE, at);
    }

    @EventHandler
    void on(SubscriptionUnpaused event, @Timestamp Instant at) {
        status(event.subscriptionId(), ACTIVE, at);
    }

    @EventHandler
    void on(SubscriptionEnteredGracePeriod event, @Timestamp Instant at) {
        status(event.subscriptionId(), GRACE_PERIOD, at);
    }

    @EventHandler
    void on(SubscriptionPaused event, @Timestamp Instant at) {
        status(event.subscriptionId(), "PAUSED", at);
    }

    @EventHandler
    void on(SubscriptionExpired event, @Timestamp Instant at) {
        status(event.subscriptionId(), "EXPIRED", at);
    }

    @EventHandler
    void on(SubscriptionCancelled event, @Timestamp Instant at) {
        status(event.subscriptionId(), "CANCELLED", at);
    }

    @EventHandler
    void on(SubscriptionTierChanged event, @Timestamp Instant at) {
        jdbc.update("UPDATE content.membership SET tier_id = ?, tier_rank = ?, updated_at = ? WHERE subscription_id = ?",
                event.toTierId().value(), event.toRank(), ts(at), event.subscriptionId().value());
    }

    private void status(SubscriptionId subscription, String status, Instant at) {
        jdbc.update("UPDATE content.membership SET status = ?, updated_at = ? WHERE subscription_id = ?", status,
                ts(at), subscription.value());
    }

    // --- purchases and pay-per-view -----------------------------------------------------------------------------

    @EventHandler
    void on(PaymentSucceeded event) {
        String kind = kind(event.purpose());
        if (kind == null || event.purposeReference() == null) {
            return;
        }
        jdbc.update("""
                INSERT INTO content.unlock (payment_id, account_id, kind, item_id, creator_id, price_minor, currency,
                                            unlocked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (payment_id) DO NOTHING""",
                event.paymentId().value(), event.payerId(), kind, event.purposeReference(), event.creatorId(),
                event.gross().amountMinor(), event.gross().currency().getCurrencyCode(), ts(event.occurredAt()));
    }

    /**
     * {@code totalRefunded} is cumulative, so the highest one seen is the payment's refunded amount whatever the
     * order or repetition of the events; the unlock is revoked (at the first full refund) once it reaches the price.
     */
    @EventHandler
    void on(PaymentRefunded event) {
        if (kind(event.purpose()) == null) {
            return;
        }
        jdbc.update("""
                UPDATE content.unlock
                SET refunded_minor = GREATEST(refunded_minor, ?),
                    revoked_at = CASE WHEN revoked_at IS NULL AND GREATEST(refunded_minor, ?) >= price_minor THEN ?
                                      ELSE revoked_at END
                WHERE payment_id = ?""", event.totalRefunded().amountMinor(), event.totalRefunded().amountMinor(),
                ts(event.occurredAt()), event.paymentId().value());
    }

    private static String kind(PaymentPurpose purpose) {
        return switch (purpose) {
            case PAY_PER_VIEW -> "POST";
            case PRODUCT_PURCHASE -> "PRODUCT";
            default -> null;
        };
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM content.unlock");
        jdbc.update("DELETE FROM content.membership");
        jdbc.update("DELETE FROM content.tier");
    }
}
