package io.hyperx.notification.webhook;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import io.hyperx.subscription.api.SubscriptionCancelled;
import io.hyperx.subscription.api.SubscriptionId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookEventHandlerTest {

    @Test
    void theGroupCanBeResetButAReplayedEventIsNotHandled() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(new WebhookEventHandler(null));
        assertThat(adapter.supportsReset()).isTrue();
        // a replayed event never reaches the handler (its null publisher would throw)
        adapter.handle(new GenericTrackedEventMessage<>(ReplayToken.createReplayToken(
                new GlobalSequenceTrackingToken(100), new GlobalSequenceTrackingToken(5)),
                GenericEventMessage.asEventMessage(new SubscriptionCancelled(SubscriptionId.random(),
                        UUID.randomUUID(), UUID.randomUUID(), Instant.now()))));
    }
}
