package io.hyperx.economy.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** A fan tips a creator; the same tip id with the same content is one tip, with other content refused. */
public record SendTipCommand(@TargetAggregateIdentifier TipId tipId, UUID fanId, UUID creatorId, Money amount,
        String message, boolean anonymous, String paymentMethodId, Instant occurredAt) {
}
