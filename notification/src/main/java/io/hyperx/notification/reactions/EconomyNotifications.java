package io.hyperx.notification.reactions;

import io.hyperx.economy.api.PayoutCompleted;
import io.hyperx.economy.api.PayoutFailed;
import io.hyperx.notification.outbox.NotificationCategories;
import io.hyperx.notification.outbox.NotificationConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.util.Map;

import static io.hyperx.notification.outbox.Channel.EMAIL;
import static io.hyperx.notification.outbox.Channel.IN_APP;

/** Payouts, to the creator: sent (with fee and net) or failed (money back in the balance). */
@Component
@ProcessingGroup(NotificationConfiguration.PROCESSING_GROUP)
@DisallowReplay
class EconomyNotifications {

    private final Notifier notifier;

    EconomyNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @EventHandler
    void on(PayoutCompleted event, @MessageIdentifier String eventId) {
        notifier.send(eventId, event.walletId().creatorId(), NotificationCategories.PAYOUTS, "payout_sent", Map.of(
                "amount", Notifier.format(event.amount()), "fee", Notifier.format(event.fee()),
                "net", Notifier.format(event.amount().minus(event.fee())),
                "reference", event.providerReference() == null ? "" : event.providerReference(),
                "payoutId", event.payoutId().value().toString(),
                "payoutsUrl", notifier.url("/creator/payouts")), EMAIL, IN_APP);
    }

    @EventHandler
    void on(PayoutFailed event, @MessageIdentifier String eventId) {
        notifier.send(eventId, event.walletId().creatorId(), NotificationCategories.PAYOUTS, "payout_failed", Map.of(
                "amount", Notifier.format(event.amount()),
                "reason", event.reason() == null ? "refused by the payout provider" : event.reason(),
                "payoutId", event.payoutId().value().toString(),
                "payoutsUrl", notifier.url("/creator/payouts")), EMAIL, IN_APP);
    }
}
