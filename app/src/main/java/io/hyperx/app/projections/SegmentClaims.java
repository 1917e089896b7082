package io.hyperx.app.projections;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many segments this node may claim per processing group. The server claims freely; a one-shot command (profile
 * {@code cli}) claims nothing, so it never steals work from a running node, except for the groups it replays.
 */
public final class SegmentClaims implements MaxSegmentProvider {

    private final boolean claimByDefault;
    private final Set<String> allowed = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Boolean> configuring = ThreadLocal.withInitial(() -> false);

    public SegmentClaims(boolean claimByDefault) {
        this.claimByDefault = claimByDefault;
    }

    /** Makes {@code builder}'s processor ask this provider how many segments it may claim. */
    public PooledStreamingEventProcessor.Builder applyTo(PooledStreamingEventProcessor.Builder builder) {
        // Axon's builder refuses a provider that answers 0 while the processor is being built; at run time,
        // 0 simply means "claim nothing".
        configuring.set(true);
        try {
            return builder.maxSegmentProvider(this);
        } finally {
            configuring.remove();
        }
    }

    public void allow(String processingGroup) {
        allowed.add(processingGroup);
    }

    public void withdraw(String processingGroup) {
        allowed.remove(processingGroup);
    }

    @Override
    public int getMaxSegments(String processingGroup) {
        return claimByDefault || configuring.get() || allowed.contains(processingGroup) ? Short.MAX_VALUE : 0;
    }
}
