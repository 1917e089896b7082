package io.hyperx.platform.consistency;

import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's embedded event store whose streams tell their reader when events arrive. Axon's own streams cannot
 * ({@code setOnAvailableCallback} answers false), so a pooled streaming processor that has caught up looks again
 * only every 500 ms; here {@link #wake} (an event committed, on this node or another: {@link AppendListener}) starts
 * every processor at once, and {@link #poke} is the fallback poll.
 */
public final class WakingEventStore extends EmbeddedEventStore {

    private final Set<WakeableStream> streams = ConcurrentHashMap.newKeySet();
    private final long catchUpMillis;

    public WakingEventStore(Builder builder, long catchUpMillis) {
        super(builder);
        this.catchUpMillis = catchUpMillis;
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        WakeableStream stream = new WakeableStream(super.openStream(trackingToken), catchUpMillis, streams::remove);
        streams.add(stream);
        return stream;
    }

    /** Events up to {@code globalIndex} were committed: fetch them now and start every reader behind them. */
    public void wake(long globalIndex) {
        afterCommit(List.of());
        streams.forEach(stream -> stream.wake(globalIndex));
    }

    /** Lets every reader look for events, in case a wake was lost. */
    public void poke() {
        afterCommit(List.of());
        streams.forEach(WakeableStream::poke);
    }
}
