package io.hyperx.subscription.infra;

import com.stripe.net.Webhook;

import java.security.GeneralSecurityException;

/** Stripe's webhook signature scheme: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t.payload)>}. */
public final class StripeSignatures {

    private StripeSignatures() {
    }

    public static String header(String payload, String secret, long unixSeconds) {
        try {
            String signature = Webhook.Util.computeHmacSha256(secret, unixSeconds + "." + payload);
            return "t=" + unixSeconds + ",v1=" + signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
