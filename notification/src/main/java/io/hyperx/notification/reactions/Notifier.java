package io.hyperx.notification.reactions;

import io.hyperx.kernel.Money;
import io.hyperx.notification.outbox.Channel;
import io.hyperx.notification.outbox.NotificationOutbox;
import io.hyperx.notification.outbox.NotificationRequest;
import io.hyperx.notification.outbox.NotificationSettings;
import org.springframework.stereotype.Component;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/**
 * What the mapping classes share: one request per channel, keyed by the source (an event id, or what makes the
 * notification unique), the channel and the recipient; and the formatting of money, times and links.
 */
@Component
class Notifier {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final NotificationOutbox outbox;
    private final String baseUrl;

    Notifier(NotificationOutbox outbox, NotificationSettings settings) {
        this.outbox = outbox;
        this.baseUrl = settings.publicBaseUrl();
    }

    void send(String source, UUID recipient, String category, String template, Map<String, Object> data,
              Channel... channels) {
        for (Channel channel : channels) {
            String to = recipient.toString();
            outbox.enqueueAtCommit(new NotificationRequest(NotificationRequest.key(source, channel, to), channel, to,
                    category, template, data));
        }
    }

    String url(String path) {
        return baseUrl + path;
    }

    static String format(Money money) {
        if (money == null) {
            return "";
        }
        return money.toDecimal().setScale(Math.max(money.currency().getDefaultFractionDigits(), 0),
                RoundingMode.UNNECESSARY).toPlainString() + " " + money.currency().getCurrencyCode();
    }

    static String format(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }
}
