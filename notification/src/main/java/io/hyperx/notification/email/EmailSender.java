package io.hyperx.notification.email;

import io.hyperx.notification.outbox.Channel;
import io.hyperx.notification.outbox.ChannelSender;
import io.hyperx.notification.outbox.DeliveryOutcome;
import io.hyperx.notification.outbox.NotificationCategories;
import io.hyperx.notification.outbox.NotificationSettings;
import io.hyperx.notification.outbox.OutboxMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The e-mail channel. At send time it asks identity for the recipient's address (never stored here), renders the
 * template (text and HTML parts), adds an unsubscribe link and {@code List-Unsubscribe} headers to non-transactional
 * mail, and hands the message to the transport. Refused addresses (SMTP 5xx) are permanent failures; anything else
 * (server down, 4xx) is retried.
 */
@Component
class EmailSender implements ChannelSender {

    private final Recipients recipients;
    private final MailTemplates templates;
    private final MailTransport transport;
    private final UnsubscribeLinks unsubscribe;
    private final NotificationSettings settings;

    EmailSender(Recipients recipients, MailTemplates templates, MailTransport transport, UnsubscribeLinks unsubscribe,
                NotificationSettings settings) {
        this.recipients = recipients;
        this.templates = templates;
        this.transport = transport;
        this.unsubscribe = unsubscribe;
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public DeliveryOutcome send(OutboxMessage message) {
        Recipients.Recipient recipient = recipients.of(message).orElse(null);
        if (recipient == null) {
            return DeliveryOutcome.permanentFailure(null, "no e-mail address: account unknown or erased");
        }
        Map<String, Object> model = recipient.model();
        String unsubscribeUrl = NotificationCategories.transactional(message.category()) ? null
                : unsubscribe.link(recipient.accountId(), message.category());
        if (unsubscribeUrl != null) {
            model.put("unsubscribeUrl", unsubscribeUrl);
            model.put("category", message.category());
        }
        MailTemplates.Rendered rendered = templates.render(message.template(), model);
        try {
            MimeMessage mime = transport.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(settings.smtp().from());
            helper.setTo(recipient.email());
            helper.setSubject(rendered.subject());
            helper.setText(unsubscribeUrl == null ? rendered.text() : rendered.text()
                    + "\n\n--\nTo stop these e-mails (" + message.category() + "): " + unsubscribeUrl + "\n",
                    rendered.html());
            mime.setHeader("X-HyperX-Notification", message.id().toString());
            if (unsubscribeUrl != null) {
                mime.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
                mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            String name = message.createdAt().toString().replaceAll("[^0-9T]", "").substring(0, 15) + "-"
                    + message.template() + "-" + message.id();
            return DeliveryOutcome.delivered(transport.send(mime, name));
        } catch (MessagingException | MailException e) {
            return outcome(e);
        }
    }

    private static DeliveryOutcome outcome(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Integer code = cause instanceof SMTPSendFailedException sent ? Integer.valueOf(sent.getReturnCode())
                    : cause instanceof SMTPAddressFailedException address ? Integer.valueOf(address.getReturnCode())
                    : null;
            if (code != null) {
                return code >= 500 ? DeliveryOutcome.permanentFailure(code, cause.getMessage())
                        : DeliveryOutcome.retry(code, cause.getMessage());
            }
        }
        return DeliveryOutcome.retry(null, failure.toString());
    }
}
