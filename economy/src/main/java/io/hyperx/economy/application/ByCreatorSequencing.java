package io.hyperx.economy.application;

import io.hyperx.economy.api.FraudSignalRaised;
import io.hyperx.economy.api.WalletEvent;
import io.hyperx.economy.api.TipSent;
import io.hyperx.subscription.api.PaymentFailed;
import io.hyperx.subscription.api.PaymentInitiated;
import io.hyperx.subscription.api.PaymentRefunded;
import io.hyperx.subscription.api.PaymentSucceeded;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Economy's events are handled in order per creator, so one segment owns each creator's wallet. The payment
 * policy changes wallets inside the processor's batch transaction; with the default per-aggregate sequencing two
 * segments could each hold one wallet and wait for the other's (Axon detects it as a deadlock and the batch fails).
 */
final class ByCreatorSequencing implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof PaymentSucceeded succeeded) {
            return succeeded.creatorId();
        }
        if (payload instanceof PaymentRefunded refunded) {
            return refunded.creatorId();
        }
        if (payload instanceof PaymentInitiated initiated) {
            return initiated.creatorId();
        }
        if (payload instanceof PaymentFailed failed) {
            return failed.creatorId();
        }
        if (payload instanceof WalletEvent wallet) {
            return wallet.walletId().creatorId();
        }
        if (payload instanceof TipSent tip) {
            return tip.creatorId();
        }
        if (payload instanceof FraudSignalRaised signal && signal.creatorId() != null) {
            return signal.creatorId();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
