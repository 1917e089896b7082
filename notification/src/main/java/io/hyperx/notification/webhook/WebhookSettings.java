package io.hyperx.notification.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Creator webhook settings ({@code hyperx.notification.webhooks.*}, environment
 * {@code HYPERX_NOTIFICATION_WEBHOOKS_*}).
 *
 * @param development    {@code true} allows {@code http} URLs and private, loopback and link-local addresses (for a
 *                       receiver on the developer's machine); {@code false} (the default, "production mode") allows
 *                       only {@code https} to public addresses
 * @param encryptionKey  base64 AES-256 key the endpoint secrets are encrypted with at rest; unset: generated once
 *                       into {@code $HYPERX_HOME/webhook-encryption-key}
 * @param rotationWindow how long the previous secret keeps signing after a rotation
 * @param connectTimeout connection timeout of a delivery
 * @param readTimeout    how long a delivery waits for the receiver's answer
 */
@ConfigurationProperties("hyperx.notification.webhooks")
public record WebhookSettings(Boolean development, String encryptionKey, Duration rotationWindow,
                              Duration connectTimeout, Duration readTimeout) {

    public WebhookSettings {
        development = development != null && development;
        rotationWindow = rotationWindow == null ? Duration.ofHours(24) : rotationWindow;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }
}
