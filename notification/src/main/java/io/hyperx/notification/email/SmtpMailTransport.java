package io.hyperx.notification.email;

import io.hyperx.notification.outbox.NotificationSettings;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.Properties;

/** Sends through the configured SMTP server ({@code HYPERX_SMTP_*}), with bounded timeouts. */
final class SmtpMailTransport implements MailTransport {

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

    SmtpMailTransport(NotificationSettings.Smtp smtp) {
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        if (smtp.username() != null && !smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
            properties.put("mail.smtp.auth", "true");
        }
        properties.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        properties.put("mail.smtp.writetimeout", "30000");
    }

    @Override
    public MimeMessage createMimeMessage() {
        return sender.createMimeMessage();
    }

    @Override
    public String send(MimeMessage message, String name) {
        sender.send(message);
        return "smtp " + sender.getHost() + ":" + sender.getPort();
    }
}
