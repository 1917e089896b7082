package io.hyperx.identity.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (Bucket4j) per limit name and client key, in memory: each node counts on its own, and a restart
 * forgets the counts. Capacity refills all at once at the end of each period ("5 per 5 minutes").
 */
@Component
public class RateLimiter {

    static final int MAX_TRACKED_KEYS = 100_000;

    private final RateLimitSettings settings;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(RateLimitSettings settings) {
        this.settings = settings;
    }

    boolean isConfigured(String limit) {
        return settings.rateLimits().containsKey(limit);
    }

    /** Takes one request from the bucket of {@code limit} for {@code key}, or throws 429 with Retry-After. */
    public void consume(String limit, String key) {
        RateLimitSettings.Limit configured = settings.rateLimits().get(limit);
        if (configured == null) {
            throw new IllegalStateException("rate limit '" + limit + "' is not configured (hyperx.rate-limits)");
        }
        if (buckets.size() > MAX_TRACKED_KEYS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(limit + '\u0000' + key, ignored -> Bucket.builder()
                .addLimit(l -> l.capacity(configured.capacity())
                        .refillIntervally(configured.capacity(), configured.period()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new RateLimitExceeded(limit, seconds);
        }
    }
}
