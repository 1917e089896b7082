package io.hyperx.notification.inapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.identity.api.AccountContact;
import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.FindAccountContactQuery;
import io.hyperx.notification.email.MailTemplates;
import io.hyperx.notification.outbox.Channel;
import io.hyperx.notification.outbox.ChannelSender;
import io.hyperx.notification.outbox.DeliveryOutcome;
import io.hyperx.notification.outbox.NotificationSettings;
import io.hyperx.notification.outbox.OutboxMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The in-app channel: renders the message's subject and text (the e-mail templates) into the account's feed; the
 * feed row has the outbox id, so a second delivery of one message changes nothing.
 */
@Component
class InAppSender implements ChannelSender {

    private final JdbcTemplate jdbc;
    private final MailTemplates templates;
    private final QueryGateway queries;
    private final NotificationSettings settings;
    private final ObjectMapper json;

    InAppSender(JdbcTemplate jdbc, MailTemplates templates, QueryGateway queries, NotificationSettings settings,
                ObjectMapper json) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.queries = queries;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public DeliveryOutcome send(OutboxMessage message) {
        UUID accountId = UUID.fromString(message.recipient());
        AccountContact contact = queries.query(new FindAccountContactQuery(new AccountId(accountId)),
                ResponseTypes.instanceOf(AccountContact.class)).join();
        if (contact == null) {
            return DeliveryOutcome.permanentFailure(null, "account unknown or erased");
        }
        Map<String, Object> model = new HashMap<>(message.data());
        model.put("name", contact.displayName() == null ? "there" : contact.displayName());
        model.put("baseUrl", settings.publicBaseUrl());
        MailTemplates.Rendered rendered = templates.renderText(message.template(), model);
        int inserted = jdbc.update("""
                        INSERT INTO notification.in_app_notification (id, account_id, category, template, title, body,
                                                                      data, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?) ON CONFLICT (id) DO NOTHING""",
                message.id(), accountId, message.category(), message.template(), rendered.subject(), rendered.text(),
                write(message.data()), Timestamp.from(message.createdAt()));
        return DeliveryOutcome.delivered(inserted == 1 ? "in feed" : "already in feed");
    }

    private String write(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
