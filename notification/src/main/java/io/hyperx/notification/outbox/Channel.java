package io.hyperx.notification.outbox;

/** How a notification reaches its recipient. */
public enum Channel {
    EMAIL, WEBHOOK, IN_APP
}
