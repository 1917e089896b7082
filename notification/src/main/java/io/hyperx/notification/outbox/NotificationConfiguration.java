package io.hyperx.notification.outbox;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The notification context's wiring. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class NotificationConfiguration {

    /**
     * The one processing group of the notification context: every reaction turning events into outbox requests.
     * All its handlers are {@code @DisallowReplay}: a replay must never send again. Stored in token_entry.
     */
    public static final String PROCESSING_GROUP = "notification";
}
