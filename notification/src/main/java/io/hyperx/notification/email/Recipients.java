package io.hyperx.notification.email;

import io.hyperx.identity.api.AccountContact;
import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.FindAccountContactQuery;
import io.hyperx.notification.outbox.NotificationSettings;
import io.hyperx.notification.outbox.OutboxMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The person a message goes to, asked of identity at send time (addresses are never stored here), and the model the
 * message's templates render for them. Shared by the e-mail and in-app channels.
 */
@Component
public class Recipients {

    private final QueryGateway queries;
    private final NotificationSettings settings;

    Recipients(QueryGateway queries, NotificationSettings settings) {
        this.queries = queries;
        this.settings = settings;
    }

    /** Empty when the account is unknown or erased. */
    public Optional<Recipient> of(OutboxMessage message) {
        UUID accountId = UUID.fromString(message.recipient());
        AccountContact contact = queries.query(new FindAccountContactQuery(new AccountId(accountId)),
                ResponseTypes.instanceOf(AccountContact.class)).join();
        if (contact == null) {
            return Optional.empty();
        }
        Map<String, Object> model = new HashMap<>(message.data());
        model.put("name", contact.displayName() == null ? "there" : contact.displayName());
        model.put("baseUrl", settings.publicBaseUrl());
        return Optional.of(new Recipient(accountId, contact.email(), model));
    }

    public record Recipient(UUID accountId, String email, Map<String, Object> model) {
    }
}
