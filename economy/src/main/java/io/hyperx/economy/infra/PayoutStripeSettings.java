package io.hyperx.economy.infra;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Stripe settings payouts share with the subscription context's payments ({@code HYPERX_STRIPE_SECRET_KEY},
 * {@code HYPERX_STRIPE_API_BASE}, {@code HYPERX_STRIPE_MAX_NETWORK_RETRIES}); read here because economy may not import
 * subscription's internals. No secret key: the offline simulator pays out.
 */
@ConfigurationProperties("hyperx.stripe")
record PayoutStripeSettings(String secretKey, String apiBase, int maxNetworkRetries) {

    PayoutStripeSettings {
        apiBase = apiBase == null || apiBase.isBlank() ? "https://api.stripe.com" : apiBase;
        maxNetworkRetries = Math.max(0, maxNetworkRetries);
    }
}
