package io.hyperx.economy.api;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Credits a succeeded payment to the creator's wallet (split and hold); the same payment twice writes one entry. */
public record RecordPaymentCreditCommand(@TargetAggregateIdentifier WalletId walletId, PaymentId paymentId,
        PaymentPurpose purpose, UUID purposeReference, UUID payerId, Money gross, Money processorFee,
        Instant occurredAt) {
}
