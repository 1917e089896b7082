package io.hyperx.notification.reactions;

import io.hyperx.identity.api.AccountMessage;
import io.hyperx.identity.api.AccountMessageSink;
import io.hyperx.notification.outbox.Channel;
import io.hyperx.notification.outbox.NotificationCategories;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Identity's e-mail verification and password reset messages, handed over in identity's transaction (their links
 * hold one-time secrets, which never enter the event store). Keyed by identity's message id.
 */
@Component
class IdentityMessages implements AccountMessageSink {

    private final Notifier notifier;

    IdentityMessages(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void deliver(AccountMessage message) {
        notifier.send("identity-message:" + message.messageId(), message.accountId().value(),
                NotificationCategories.SECURITY, message.template(), Map.of("link", message.link()), Channel.EMAIL);
    }
}
