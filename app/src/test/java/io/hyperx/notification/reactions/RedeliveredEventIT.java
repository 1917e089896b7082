package io.hyperx.notification.reactions;

import io.hyperx.notification.NotificationHttpSupport;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentSucceeded;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event handled a second time (a claim moving between nodes redelivers a batch) queues nothing new and sends
 * nothing twice: the stored PaymentSucceeded, with its own identifier, is handed to the handlers again.
 */
class RedeliveredEventIT extends NotificationHttpSupport {

    @Autowired
    SubscriptionNotifications subscriptionNotifications;
    @Autowired
    EventStore eventStore;

    @Test
    void aRedeliveredPaymentSucceededSendsOneReceipt() throws Exception {
        Session fan = register("fan");
        Session creator = register("creator");
        PaymentId payment = pay(fan.id(), creator.id(), 4_321);
        String email = emailOf(fan.id());
        awaitMail(email, "Receipt: 43.21 USD paid");
        long receipts = receiptRows(fan.id());
        assertThat(receipts).isEqualTo(1);

        DomainEventMessage<?> succeeded = await("stored PaymentSucceeded", () -> eventStore
                .readEvents(payment.value().toString()).asStream()
                .filter(event -> event.getPayload() instanceof PaymentSucceeded)
                .findFirst().orElse(null), event -> event != null);
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(subscriptionNotifications);
        handlers.handle((EventMessage<?>) succeeded);
        handlers.handle((EventMessage<?>) succeeded);
        while (dispatcher.dispatchDue() > 0) {
            Thread.onSpinWait();
        }

        assertThat(receiptRows(fan.id())).isEqualTo(1);
        assertThat(mails(email).stream().filter(mail -> subject(mail).startsWith("Receipt:")).count()).isEqualTo(1);
    }

    private long receiptRows(UUID fan) {
        return jdbc.queryForObject("SELECT count(*) FROM notification.outbox WHERE recipient = ? "
                + "AND template = 'receipt'", Long.class, fan.toString());
    }
}
