package io.hyperx.notification.outbox;

/**
 * Delivers messages of one channel (a Spring bean per channel). Called outside any database transaction; may be
 * called again for the same message after a crash (the key is {@link OutboxMessage#idempotencyKey()}), and should
 * answer {@link DeliveryOutcome.Kind#RETRY} rather than throw for a transient failure.
 */
public interface ChannelSender {

    Channel channel();

    DeliveryOutcome send(OutboxMessage message);
}
