package io.hyperx.notification.email;

import io.hyperx.notification.outbox.NotificationSettings;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** The e-mail transport: SMTP when {@code HYPERX_SMTP_HOST} is set, else {@code .eml} files in the dev mailbox. */
@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

    @Bean
    MailTransport mailTransport(NotificationSettings settings, @Value("${hyperx.database.home:.hyperx}") Path home) {
        if (settings.smtp().configured()) {
            LoggerFactory.getLogger(EmailConfiguration.class).info("E-mail goes to SMTP server {}:{}",
                    settings.smtp().host(), settings.smtp().port());
            return new SmtpMailTransport(settings.smtp());
        }
        Path folder = home.resolve("mail").toAbsolutePath();
        LoggerFactory.getLogger(EmailConfiguration.class).info(
                "No SMTP server configured (HYPERX_SMTP_HOST): e-mails are written to {} and listed at "
                        + "GET /api/v1/dev/mail", folder);
        return new FileMailTransport(folder);
    }
}
