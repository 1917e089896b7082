package io.hyperx.subscription.infra;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Stripe settings: with no {@code secretKey} the offline simulator plays Stripe. {@code webhookSecret} signs and
 * verifies webhooks (generated and kept under the HyperX home when unset); {@code apiBase} points the client at
 * Stripe or at a stand-in (WireMock in tests). A payment still without an outcome {@code outcomeTimeout} after it
 * was initiated is asked about; an authentic webhook naming a payment not known yet is kept for
 * {@code parkedWebhookHorizon} (Stripe's own retry horizon); {@code pollInterval} is how often the simulator's
 * outbox and the parked webhooks are worked off.
 */
@ConfigurationProperties("hyperx.stripe")
public record StripeSettings(String secretKey, String webhookSecret, String apiBase, Duration webhookTolerance,
                             int maxNetworkRetries, String webhookUrl, Duration outcomeTimeout,
                             Duration parkedWebhookHorizon, Duration pollInterval) {

    public StripeSettings {
        apiBase = apiBase == null || apiBase.isBlank() ? "https://api.stripe.com" : apiBase;
        webhookTolerance = webhookTolerance == null ? Duration.ofSeconds(300) : webhookTolerance;
        maxNetworkRetries = maxNetworkRetries < 0 ? 0 : maxNetworkRetries;
        outcomeTimeout = outcomeTimeout == null ? Duration.ofMinutes(10) : outcomeTimeout;
        parkedWebhookHorizon = parkedWebhookHorizon == null ? Duration.ofDays(3) : parkedWebhookHorizon;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
    }

    public boolean simulated() {
        return secretKey == null || secretKey.isBlank();
    }
}
