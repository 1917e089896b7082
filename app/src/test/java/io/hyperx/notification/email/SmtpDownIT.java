package io.hyperx.notification.email;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.notification.NotificationHttpSupport;
import io.hyperx.notification.outbox.Channel;
import io.hyperx.notification.outbox.NotificationDispatcher;
import io.hyperx.notification.outbox.NotificationOutbox;
import io.hyperx.notification.outbox.NotificationRequest;
import io.hyperx.notification.outbox.NotificationSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** With the SMTP server unreachable, an e-mail is retried with backoff, every attempt recorded, then given up. */
class SmtpDownIT extends NotificationHttpSupport {

    @Autowired
    NotificationOutbox outbox;
    @Autowired
    MailTemplates templates;
    @Autowired
    UnsubscribeLinks unsubscribeLinks;
    @Autowired
    NotificationSettings settings;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ObjectMapper json;
    @Autowired
    Recipients recipients;

    @Test
    void anUnreachableServerIsRetriedThenGivenUpAfterTheHorizon() throws IOException {
        Session fan = register("fan");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        NotificationSettings.Retry retry = new NotificationSettings.Retry(Duration.ofMillis(20),
                Duration.ofMillis(100), Duration.ofMillis(800));
        NotificationSettings down = new NotificationSettings(Duration.ofHours(1), 20, Duration.ofMinutes(1), retry,
                null, null, settings.publicBaseUrl(), null,
                new NotificationSettings.Smtp("127.0.0.1", closedPort, null, null, false, null));
        EmailSender sender = new EmailSender(recipients, templates, new SmtpMailTransport(down.smtp()),
                unsubscribeLinks, down);
        NotificationDispatcher unreachable = new NotificationDispatcher(jdbc, transactions, List.of(sender), down,
                clock, meters, json);
        String key = "smtp-down:" + UUID.randomUUID();
        outbox.enqueue(new NotificationRequest(key, Channel.EMAIL, fan.id().toString(), "billing", "receipt",
                Map.of("amount", "1.00 USD")));

        Instant deadline = Instant.now().plusSeconds(20);
        while (!"GAVE_UP".equals(status(key)) && Instant.now().isBefore(deadline)) {
            unreachable.dispatchDue();
        }

        assertThat(status(key)).isEqualTo("GAVE_UP");
        List<Map<String, Object>> attempts = jdbc.queryForList("""
                SELECT a.attempt, a.outcome, a.detail FROM notification.delivery_attempt a
                JOIN notification.outbox o ON o.id = a.outbox_id WHERE o.idempotency_key = ? ORDER BY a.attempt""",
                key);
        assertThat(attempts).hasSizeGreaterThan(2);
        assertThat(attempts).allSatisfy(row -> assertThat(row.get("outcome")).isEqualTo("RETRY"));
        assertThat(attempts.get(0).get("detail").toString()).containsIgnoringCase("connect");
        assertThat(jdbc.queryForObject("SELECT attempts FROM notification.outbox WHERE idempotency_key = ?",
                Integer.class, key)).isEqualTo(attempts.size());

        dispatcher.dispatchDue();
        assertThat(mails(emailOf(fan.id())).stream().map(NotificationHttpSupport::subject))
                .as("given up: the working server never gets it").noneMatch(s -> s.startsWith("Receipt: 1.00"));
    }

    private String status(String key) {
        return jdbc.queryForObject("SELECT status FROM notification.outbox WHERE idempotency_key = ?", String.class,
                key);
    }
}
