package io.hyperx.app.projections;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many segments this node may claim per processing group. The server claims freely; a one-shot command (profile
 * {@code cli}) claims nothing, so it never steals work from a running node, except for the groups it replays.
 */
public final class SegmentClaims implements MaxSegmentProvider {

    private final boolean claimByDefault;
    private final Set<String> allowed = ConcurrentHashMap.newKeySet();

    public SegmentClaims(boolean claimByDefault) {
        this.claimByDefault = claimByDefault;
    }

    public void allow(String processingGroup) {
        allowed.add(processingGroup);
    }

    public void withdraw(String processingGroup) {
        allowed.remove(processingGroup);
    }

    @Override
    public int getMaxSegments(String processingGroup) {
        return claimByDefault || allowed.contains(processingGroup) ? Short.MAX_VALUE : 0;
    }
}
