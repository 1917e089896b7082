package io.hyperx.notification.inapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.notification.email.MailTemplates;
import io.hyperx.notification.email.Recipients;
import io.hyperx.notification.outbox.Channel;
import io.hyperx.notification.outbox.ChannelSender;
import io.hyperx.notification.outbox.DeliveryOutcome;
import io.hyperx.notification.outbox.OutboxMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Map;

/**
 * The in-app channel: renders the message's subject and text (the e-mail templates) into the account's feed; the
 * feed row has the outbox id, so a second delivery of one message changes nothing.
 */
@Component
class InAppSender implements ChannelSender {

    private final JdbcTemplate jdbc;
    private final MailTemplates templates;
    private final Recipients recipients;
    private final ObjectMapper json;

    InAppSender(JdbcTemplate jdbc, MailTemplates templates, Recipients recipients, ObjectMapper json) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.recipients = recipients;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public DeliveryOutcome send(OutboxMessage message) {
        Recipients.Recipient recipient = recipients.of(message).orElse(null);
        if (recipient == null) {
            return DeliveryOutcome.permanentFailure(null, "account unknown or erased");
        }
        MailTemplates.Rendered rendered = templates.renderText(message.template(), recipient.model());
        int inserted = jdbc.update("""
                        INSERT INTO notification.in_app_notification (id, account_id, category, template, title, body,
                                                                      data, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?) ON CONFLICT (id) DO NOTHING""",
                message.id(), recipient.accountId(), message.category(), message.template(), rendered.subject(),
                rendered.text(), write(message.data()), Timestamp.from(message.createdAt()));
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
