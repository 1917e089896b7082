package io.hyperx.identity.web;

import io.hyperx.kernel.DomainException;

import java.util.Map;

/** 429: the named limit is used up for this client; {@code Retry-After} says when the next request may pass. */
final class RateLimitExceeded extends DomainException {

    private final long retryAfterSeconds;

    RateLimitExceeded(String limit, long retryAfterSeconds) {
        super(429, "rate_limited", "Too many requests (" + limit + "); retry after " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
