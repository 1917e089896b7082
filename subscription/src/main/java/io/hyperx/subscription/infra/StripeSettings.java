package io.hyperx.subscription.infra;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Stripe settings: with no {@code secretKey} the offline simulator plays Stripe. {@code webhookSecret} signs and
 * verifies webhooks (generated and kept under the HyperX home when unset); {@code apiBase} points the client at
 * Stripe or at a stand-in (WireMock in tests).
 */
@ConfigurationProperties("hyperx.stripe")
public record StripeSettings(String secretKey, String webhookSecret, String apiBase, Duration webhookTolerance,
                             int maxNetworkRetries, String webhookUrl) {

    public StripeSettings {
        apiBase = apiBase == null || apiBase.isBlank() ? "https://api.stripe.com" : apiBase;
        webhookTolerance = webhookTolerance == null ? Duration.ofSeconds(300) : webhookTolerance;
        maxNetworkRetries = maxNetworkRetries < 0 ? 0 : maxNetworkRetries;
    }

    public boolean simulated() {
        return secretKey == null || secretKey.isBlank();
    }
}
