package io.hyperx.platform.consistency;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WakeableStreamTest {

    /** A store stream whose events arrive later than the wake, as the store's producer fetches them. */
    static final class LateStream implements TrackingEventStream {
        final Deque<TrackedEventMessage<?>> events = new ArrayDeque<>();
        int timedWaits;

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(events.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            if (timeout > 0) {
                timedWaits++;
                events.add(event(7));
            }
            return !events.isEmpty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return events.poll();
        }

        @Override
        public void close() {
        }
    }

    static TrackedEventMessage<?> event(long index) {
        return new GenericTrackedEventMessage<>(GapAwareTrackingToken.newInstance(index, new TreeSet<>()),
                GenericEventMessage.asEventMessage("event " + index));
    }

    @Test
    void aWakeForANewIndexCallsTheReaderBackAndWaitsForTheStoreToFetchIt() throws InterruptedException {
        LateStream store = new LateStream();
        WakeableStream stream = new WakeableStream(store, 100, closed -> { });
        AtomicInteger callbacks = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(callbacks::incrementAndGet)).isTrue();

        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).as("nothing yet, no wait").isFalse();
        assertThat(store.timedWaits).isZero();

        stream.wake(7);
        assertThat(callbacks).hasValue(1);
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).as("waited for the fetch").isTrue();
        assertThat(store.timedWaits).isEqualTo(1);
        assertThat(stream.nextAvailable().trackingToken().position()).hasValue(7);

        stream.wake(7);
        assertThat(callbacks).as("an index already read wakes nobody").hasValue(1);
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(store.timedWaits).as("and is not waited for").isEqualTo(1);
    }
}
