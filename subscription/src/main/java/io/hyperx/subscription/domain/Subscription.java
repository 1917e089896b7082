package io.hyperx.subscription.domain;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.BillingInterval;
import io.hyperx.subscription.api.CancelSubscriptionNowCommand;
import io.hyperx.subscription.api.ChangePaymentMethodCommand;
import io.hyperx.subscription.api.ChangeTierCommand;
import io.hyperx.subscription.api.EndGracePeriodCommand;
import io.hyperx.subscription.api.ExpiryReason;
import io.hyperx.subscription.api.MigrateSubscriberPriceCommand;
import io.hyperx.subscription.api.PauseSubscriptionCommand;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.RecordSubscriptionPaymentFailedCommand;
import io.hyperx.subscription.api.RecordSubscriptionPaymentSucceededCommand;
import io.hyperx.subscription.api.RenewSubscriptionCommand;
import io.hyperx.subscription.api.RequestCancellationCommand;
import io.hyperx.subscription.api.ResumeSubscriptionCommand;
import io.hyperx.subscription.api.RetrySubscriptionPaymentCommand;
import io.hyperx.subscription.api.StartSubscriptionCommand;
import io.hyperx.subscription.api.SubscriptionActivated;
import io.hyperx.subscription.api.SubscriptionCancellationRequested;
import io.hyperx.subscription.api.SubscriptionCancellationResumed;
import io.hyperx.subscription.api.SubscriptionCancelled;
import io.hyperx.subscription.api.SubscriptionDowngradeScheduled;
import io.hyperx.subscription.api.SubscriptionEnteredGracePeriod;
import io.hyperx.subscription.api.SubscriptionExpired;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.SubscriptionPaused;
import io.hyperx.subscription.api.SubscriptionPausedPeriodSkipped;
import io.hyperx.subscription.api.SubscriptionPaymentMethodChanged;
import io.hyperx.subscription.api.SubscriptionPaymentRetryRequested;
import io.hyperx.subscription.api.SubscriptionPriceChangeScheduled;
import io.hyperx.subscription.api.SubscriptionPriceChanged;
import io.hyperx.subscription.api.SubscriptionRecovered;
import io.hyperx.subscription.api.SubscriptionRenewalRequested;
import io.hyperx.subscription.api.SubscriptionRenewed;
import io.hyperx.subscription.api.SubscriptionStarted;
import io.hyperx.subscription.api.SubscriptionStatus;
import io.hyperx.subscription.api.SubscriptionTierChanged;
import io.hyperx.subscription.api.SubscriptionTrialStarted;
import io.hyperx.subscription.api.SubscriptionUnpaused;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.api.UnpauseSubscriptionCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One fan's subscription to one creator: Pending -> Active (or Trialing) -> GracePeriod on a failed renewal ->
 * Active again when a retry succeeds, or Expired when grace ends; Cancelled at period end when asked; Paused
 * periods are skipped without charge. Every reaction is idempotent: payment outcomes are recorded once per payment
 * id, and time-driven commands name the period or failure they belong to, so stale or repeated ones do nothing.
 */
@Aggregate
public class Subscription {

    @AggregateIdentifier
    private SubscriptionId subscriptionId;
    private UUID fanId;
    private UUID creatorId;
    private TierId tierId;
    private int tierRank;
    private Money price;
    private BillingInterval interval;
    private String paymentMethodId;
    private SubscriptionStatus status;
    private PaymentId initialPaymentId;
    private Instant periodStart;
    private Instant periodEnd;
    private boolean cancelRequested;
    private SubscriptionDowngradeScheduled pendingDowngrade;
    private Money pendingPrice;
    private PaymentId renewalPaymentId;
    private PaymentId failedPaymentId;
    private final Set<PaymentId> retryPayments = new HashSet<>();
    private final Set<Integer> retriedAttempts = new HashSet<>();
    private final Set<PaymentId> succeededPayments = new HashSet<>();
    private final Set<PaymentId> failedPayments = new HashSet<>();

    protected Subscription() {
    }

    @CommandHandler
    Subscription(StartSubscriptionCommand command) {
        if (command.price() == null || command.price().signum() <= 0) {
            throw SubscriptionProblem.unprocessable("invalid_price", "A subscription's price must be positive.");
        }
        if (command.fanId().equals(command.creatorId())) {
            throw SubscriptionProblem.unprocessable("own_tier", "Creators cannot subscribe to their own tiers.");
        }
        boolean trial = command.trialDays() > 0;
        Instant now = now();
        apply(new SubscriptionStarted(command.subscriptionId(), command.fanId(), command.creatorId(),
                command.tierId(), command.tierRank(), command.price(), command.interval(),
                trial ? null : SubscriptionPaymentIds.initial(command.subscriptionId()), command.paymentMethodId(),
                now));
        if (trial) {
            apply(new SubscriptionTrialStarted(command.subscriptionId(), command.fanId(), command.creatorId(),
                    command.tierId(), now, now.plus(Duration.ofDays(command.trialDays()))));
        }
    }

    @CommandHandler
    void handle(RecordSubscriptionPaymentSucceededCommand command) {
        PaymentId payment = command.paymentId();
        if (succeededPayments.contains(payment)) {
            return;
        }
        if (status == SubscriptionStatus.PENDING && payment.equals(initialPaymentId)) {
            apply(new SubscriptionActivated(subscriptionId, fanId, creatorId, tierId, payment, command.occurredAt(),
                    BillingPeriodPolicy.periodEnd(command.occurredAt(), interval)));
        } else if (status == SubscriptionStatus.GRACE_PERIOD
                && (payment.equals(failedPaymentId) || retryPayments.contains(payment))) {
            apply(new SubscriptionRecovered(subscriptionId, fanId, creatorId, payment, command.occurredAt()));
            renew(payment);
        } else if (payment.equals(renewalPaymentId) && status != null && status.isOngoing()
                && status != SubscriptionStatus.PENDING) {
            renew(payment);
        }
        // a proration payment, or a payment of a subscription that has already ended: nothing changes here
    }

    @CommandHandler
    void handle(RecordSubscriptionPaymentFailedCommand command, GracePeriodPolicy gracePeriod) {
        PaymentId payment = command.paymentId();
        if (failedPayments.contains(payment) || succeededPayments.contains(payment)) {
            return;
        }
        if (status == SubscriptionStatus.PENDING && payment.equals(initialPaymentId)) {
            apply(new SubscriptionExpired(subscriptionId, fanId, creatorId, ExpiryReason.INITIAL_PAYMENT_FAILED,
                    command.occurredAt()));
        } else if (payment.equals(renewalPaymentId)
                && (status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.TRIALING)) {
            apply(new SubscriptionEnteredGracePeriod(subscriptionId, fanId, creatorId, payment,
                    gracePeriod.graceEndsAt(command.occurredAt()), gracePeriod.retryTimes(command.occurredAt()),
                    command.occurredAt()));
        }
        // a failed retry leaves the subscription in grace: the next retry or the grace expiry follows
    }

    @CommandHandler
    void handle(RenewSubscriptionCommand command) {
        if (!command.periodEnd().equals(periodEnd) || renewalPaymentIdFor(periodEnd).equals(renewalPaymentId)) {
            return;
        }
        switch (status) {
            case ACTIVE, TRIALING -> {
                if (cancelRequested) {
                    apply(new SubscriptionCancelled(subscriptionId, fanId, creatorId, now()));
                    return;
                }
                if (pendingDowngrade != null) {
                    apply(new SubscriptionTierChanged(subscriptionId, fanId, creatorId, tierId,
                            pendingDowngrade.toTierId(), pendingDowngrade.toRank(), pendingDowngrade.newPrice(),
                            null, null, paymentMethodId, now()));
                } else if (pendingPrice != null) {
                    apply(new SubscriptionPriceChanged(subscriptionId, fanId, creatorId, price, pendingPrice, now()));
                }
                apply(new SubscriptionRenewalRequested(subscriptionId, fanId, creatorId,
                        renewalPaymentIdFor(periodEnd), price, paymentMethodId, periodEnd));
            }
            case PAUSED -> {
                if (cancelRequested) {
                    apply(new SubscriptionCancelled(subscriptionId, fanId, creatorId, now()));
                } else {
                    apply(new SubscriptionPausedPeriodSkipped(subscriptionId, periodEnd,
                            BillingPeriodPolicy.periodEnd(periodEnd, interval)));
                }
            }
            default -> {
                // pending, in grace or ended: nothing renews
            }
        }
    }

    @CommandHandler
    void handle(RetrySubscriptionPaymentCommand command) {
        if (status != SubscriptionStatus.GRACE_PERIOD || !command.failedPaymentId().equals(failedPaymentId)
                || retriedAttempts.contains(command.attempt())) {
            return;
        }
        apply(new SubscriptionPaymentRetryRequested(subscriptionId, fanId, creatorId,
                SubscriptionPaymentIds.retry(subscriptionId, failedPaymentId, command.attempt()), price,
                paymentMethodId, command.attempt(), now()));
    }

    @CommandHandler
    void handle(EndGracePeriodCommand command) {
        if (status == SubscriptionStatus.GRACE_PERIOD && command.failedPaymentId().equals(failedPaymentId)) {
            apply(new SubscriptionExpired(subscriptionId, fanId, creatorId, ExpiryReason.GRACE_PERIOD_ENDED, now()));
        }
    }

    @CommandHandler
    void handle(RequestCancellationCommand command) {
        requireOngoing();
        if (cancelRequested) {
            return;
        }
        if (status == SubscriptionStatus.PENDING || status == SubscriptionStatus.GRACE_PERIOD) {
            // nothing paid to run out: the subscription ends now
            apply(new SubscriptionCancelled(subscriptionId, fanId, creatorId, now()));
        } else {
            apply(new SubscriptionCancellationRequested(subscriptionId, fanId, creatorId, periodEnd, now()));
        }
    }

    @CommandHandler
    void handle(ResumeSubscriptionCommand command) {
        requireOngoing();
        if (cancelRequested) {
            apply(new SubscriptionCancellationResumed(subscriptionId, fanId, creatorId, now()));
        }
    }

    @CommandHandler
    void handle(CancelSubscriptionNowCommand command) {
        if (status.isOngoing()) {
            apply(new SubscriptionCancelled(subscriptionId, fanId, creatorId, now()));
        }
    }

    @CommandHandler
    void handle(PauseSubscriptionCommand command) {
        if (status == SubscriptionStatus.PAUSED) {
            return;
        }
        if (status != SubscriptionStatus.ACTIVE) {
            throw SubscriptionProblem.conflict("cannot_pause", "Only an active subscription can be paused.");
        }
        apply(new SubscriptionPaused(subscriptionId, fanId, creatorId, now()));
    }

    @CommandHandler
    void handle(UnpauseSubscriptionCommand command) {
        if (status == SubscriptionStatus.ACTIVE) {
            return;
        }
        if (status != SubscriptionStatus.PAUSED) {
            throw SubscriptionProblem.conflict("cannot_unpause", "Only a paused subscription can be unpaused.");
        }
        apply(new SubscriptionUnpaused(subscriptionId, fanId, creatorId, now()));
    }

    @CommandHandler
    void handle(ChangeTierCommand command) {
        if (status != SubscriptionStatus.ACTIVE && status != SubscriptionStatus.TRIALING) {
            throw SubscriptionProblem.conflict("cannot_change_tier",
                    "Only an active or trialing subscription can change tier.");
        }
        if (!command.toPrice().currency().equals(price.currency())) {
            throw SubscriptionProblem.unprocessable("currency_mismatch",
                    "The new tier is priced in " + command.toPrice().currency() + ", the subscription in "
                            + price.currency() + ".");
        }
        if (command.toTierId().equals(tierId)
                || (pendingDowngrade != null && pendingDowngrade.toTierId().equals(command.toTierId()))) {
            return;
        }
        Instant now = now();
        if (ProrationPolicy.isUpgrade(price, tierRank, command.toPrice(), command.toRank())) {
            Money charge = status == SubscriptionStatus.TRIALING
                    ? Money.zero(price.currency())
                    : ProrationPolicy.upgradeCharge(price, command.toPrice(), periodStart, periodEnd, now);
            boolean charged = charge.signum() > 0;
            apply(new SubscriptionTierChanged(subscriptionId, fanId, creatorId, tierId, command.toTierId(),
                    command.toRank(), command.toPrice(),
                    charged ? SubscriptionPaymentIds.proration(subscriptionId, command.toTierId(), periodEnd) : null,
                    charged ? charge : null, paymentMethodId, now));
        } else {
            apply(new SubscriptionDowngradeScheduled(subscriptionId, fanId, creatorId, command.toTierId(),
                    command.toRank(), command.toPrice(), periodEnd, now));
        }
    }

    @CommandHandler
    void handle(MigrateSubscriberPriceCommand command) {
        requireOngoing();
        if (!command.tierId().equals(tierId)) {
            return; // the fan has moved to another tier since the creator listed the members
        }
        if (!command.newPrice().currency().equals(price.currency())) {
            throw SubscriptionProblem.unprocessable("currency_mismatch",
                    "The new price is in " + command.newPrice().currency() + ", the subscription in "
                            + price.currency() + ".");
        }
        Money target = pendingPrice != null ? pendingPrice : price;
        if (!command.newPrice().equals(target)) {
            apply(new SubscriptionPriceChangeScheduled(subscriptionId, fanId, creatorId, tierId, command.newPrice(),
                    periodEnd, now()));
        }
    }

    @CommandHandler
    void handle(ChangePaymentMethodCommand command) {
        requireOngoing();
        if (!command.paymentMethodId().equals(paymentMethodId)) {
            apply(new SubscriptionPaymentMethodChanged(subscriptionId, command.paymentMethodId(), now()));
        }
    }

    private void renew(PaymentId payment) {
        Instant start = periodEnd;
        apply(new SubscriptionRenewed(subscriptionId, fanId, creatorId, tierId, payment, start,
                BillingPeriodPolicy.periodEnd(start, interval)));
    }

    private PaymentId renewalPaymentIdFor(Instant end) {
        return SubscriptionPaymentIds.renewal(subscriptionId, end);
    }

    private void requireOngoing() {
        if (!status.isOngoing()) {
            throw SubscriptionProblem.conflict("subscription_ended", "The subscription has ended.");
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(SubscriptionStarted event) {
        subscriptionId = event.subscriptionId();
        fanId = event.fanId();
        creatorId = event.creatorId();
        tierId = event.tierId();
        tierRank = event.tierRank();
        price = event.price();
        interval = event.interval();
        paymentMethodId = event.paymentMethodId();
        initialPaymentId = event.initialPaymentId();
        status = SubscriptionStatus.PENDING;
    }

    @EventSourcingHandler
    void on(SubscriptionTrialStarted event) {
        status = SubscriptionStatus.TRIALING;
        periodStart = event.trialStart();
        periodEnd = event.trialEndsAt();
    }

    @EventSourcingHandler
    void on(SubscriptionActivated event) {
        status = SubscriptionStatus.ACTIVE;
        succeededPayments.add(event.paymentId());
        periodStart = event.periodStart();
        periodEnd = event.periodEnd();
    }

    @EventSourcingHandler
    void on(SubscriptionRenewalRequested event) {
        renewalPaymentId = event.paymentId();
    }

    @EventSourcingHandler
    void on(SubscriptionRenewed event) {
        status = SubscriptionStatus.ACTIVE;
        succeededPayments.add(event.paymentId());
        periodStart = event.periodStart();
        periodEnd = event.periodEnd();
        failedPaymentId = null;
        retryPayments.clear();
        retriedAttempts.clear();
    }

    @EventSourcingHandler
    void on(SubscriptionEnteredGracePeriod event) {
        status = SubscriptionStatus.GRACE_PERIOD;
        failedPayments.add(event.failedPaymentId());
        failedPaymentId = event.failedPaymentId();
    }

    @EventSourcingHandler
    void on(SubscriptionPaymentRetryRequested event) {
        retryPayments.add(event.paymentId());
        retriedAttempts.add(event.attempt());
    }

    @EventSourcingHandler
    void on(SubscriptionExpired event) {
        status = SubscriptionStatus.EXPIRED;
        if (event.reason() == ExpiryReason.INITIAL_PAYMENT_FAILED) {
            failedPayments.add(initialPaymentId);
        }
    }

    @EventSourcingHandler
    void on(SubscriptionCancellationRequested event) {
        cancelRequested = true;
    }

    @EventSourcingHandler
    void on(SubscriptionCancellationResumed event) {
        cancelRequested = false;
    }

    @EventSourcingHandler
    void on(SubscriptionCancelled event) {
        status = SubscriptionStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(SubscriptionTierChanged event) {
        tierId = event.toTierId();
        tierRank = event.toRank();
        price = event.newPrice();
        pendingDowngrade = null;
        pendingPrice = null;
    }

    @EventSourcingHandler
    void on(SubscriptionDowngradeScheduled event) {
        pendingDowngrade = event;
    }

    @EventSourcingHandler
    void on(SubscriptionPriceChangeScheduled event) {
        pendingPrice = event.newPrice().equals(price) ? null : event.newPrice();
    }

    @EventSourcingHandler
    void on(SubscriptionPriceChanged event) {
        price = event.newPrice();
        pendingPrice = null;
    }

    @EventSourcingHandler
    void on(SubscriptionPaused event) {
        status = SubscriptionStatus.PAUSED;
    }

    @EventSourcingHandler
    void on(SubscriptionUnpaused event) {
        status = SubscriptionStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(SubscriptionPausedPeriodSkipped event) {
        periodStart = event.periodStart();
        periodEnd = event.periodEnd();
    }

    @EventSourcingHandler
    void on(SubscriptionPaymentMethodChanged event) {
        paymentMethodId = event.paymentMethodId();
    }
}
