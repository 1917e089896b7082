package io.hyperx.notification.outbox;

import io.hyperx.kernel.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Notification settings ({@code hyperx.notification.*}, environment {@code HYPERX_NOTIFICATION_*} and
 * {@code HYPERX_SMTP_*}); a missing value takes the documented default.
 *
 * @param pollInterval how often each node's dispatcher looks for due messages
 * @param batchSize    how many messages one claim takes
 * @param lease        how long a claimed message is hidden from other dispatchers while it is being sent; a node
 *                     that dies mid-send leaves it due again after this (so it must exceed the senders' timeouts)
 * @param publicBaseUrl where links in messages point
 * @param signingSecret key of the unsubscribe links; unset: generated once into {@code $HYPERX_HOME}
 */
@ConfigurationProperties("hyperx.notification")
public record NotificationSettings(Duration pollInterval, Integer batchSize, Duration lease, Retry email,
                                   Retry webhook, Retry inApp, String publicBaseUrl, String signingSecret,
                                   Smtp smtp) {

    public NotificationSettings {
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        batchSize = batchSize == null || batchSize <= 0 ? 20 : batchSize;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        email = Retry.orDefault(email, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(1));
        webhook = Retry.orDefault(webhook, Duration.ofMinutes(1), Duration.ofHours(6), Duration.ofDays(3));
        inApp = Retry.orDefault(inApp, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofDays(1));
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080"
                : publicBaseUrl.replaceAll("/+$", "");
        smtp = smtp == null ? new Smtp(null, null, null, null, null, null) : smtp;
    }

    public Retry retry(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case WEBHOOK -> webhook;
            case IN_APP -> inApp;
        };
    }

    /**
     * Retries of one channel: exponential backoff from {@code baseDelay}, capped at {@code maxDelay}, with full
     * jitter; the message is given up once the next attempt would fall after {@code horizon} from its creation.
     */
    public record Retry(Duration baseDelay, Duration maxDelay, Duration horizon) {

        static Retry orDefault(Retry retry, Duration base, Duration max, Duration horizon) {
            return retry == null ? new Retry(base, max, horizon) : new Retry(
                    retry.baseDelay == null ? base : retry.baseDelay,
                    retry.maxDelay == null ? max : retry.maxDelay,
                    retry.horizon == null ? horizon : retry.horizon);
        }

        public Backoff backoff() {
            return new Backoff(baseDelay, maxDelay, horizon);
        }
    }

    /**
     * The SMTP server; no {@code host}: messages are written as {@code .eml} files under
     * {@code $HYPERX_HOME/mail/}.
     */
    public record Smtp(String host, Integer port, String username, String password, Boolean starttls,
                       String from) {

        public Smtp {
            port = port == null ? 587 : port;
            starttls = starttls == null || starttls;
            from = from == null || from.isBlank() ? "HyperX <no-reply@hyperx.local>" : from;
        }

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }
}
