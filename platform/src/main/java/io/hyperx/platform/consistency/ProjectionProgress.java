package io.hyperx.platform.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether processing groups have handled the event at a global index, read from the processors' own in-memory
 * tokens on this node (each claimed segment must have passed it, and all segments must be claimed here).
 */
public final class ProjectionProgress {

    private static final long RECHECK_NANOS = Duration.ofMillis(1).toNanos();

    private final EventProcessingConfiguration processing;

    public ProjectionProgress(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Waits until every group passed {@code position}; false when {@code bound} ran out first. */
    public boolean await(Collection<String> groups, long position, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!passed(groups, position)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(RECHECK_NANOS);
        }
        return true;
    }

    public boolean passed(Collection<String> groups, long position) {
        return groups.stream().allMatch(group -> passed(group, position));
    }

    private boolean passed(String group, long position) {
        StreamingEventProcessor processor = processing.eventProcessorByProcessingGroup(group,
                StreamingEventProcessor.class).orElse(null);
        if (processor == null) {
            throw new IllegalArgumentException("no streaming processor for processing group " + group);
        }
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        double covered = 0;
        for (EventTrackerStatus status : segments.values()) {
            if (status.isErrorState() || !covers(status.getTrackingToken(), position)) {
                return false;
            }
            covered += 1.0 / (status.getSegment().getMask() + 1);
        }
        return covered > 0.999;
    }

    static boolean covers(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        TrackingToken current = WrappedToken.unwrapUpperBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current != null && current.position().orElse(-1) >= position;
    }
}
