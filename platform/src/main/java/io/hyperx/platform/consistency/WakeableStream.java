package io.hyperx.platform.consistency;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A store stream that supports Axon's availability callback. After a wake for an index the stream has not reached,
 * the next look waits (at most {@code catchUpMillis}) for the store's producer to fetch it, so the woken processor
 * finds the event instead of going back to sleep. Read by one thread (the processor's coordinator), woken by any.
 */
final class WakeableStream implements TrackingEventStream {

    private final TrackingEventStream delegate;
    private final long catchUpMillis;
    private final Consumer<WakeableStream> onClose;
    private final AtomicLong awaited = new AtomicLong(-1);
    private volatile long reached = -1;
    private volatile Runnable callback;

    WakeableStream(TrackingEventStream delegate, long catchUpMillis, Consumer<WakeableStream> onClose) {
        this.delegate = delegate;
        this.catchUpMillis = catchUpMillis;
        this.onClose = onClose;
    }

    void wake(long globalIndex) {
        if (awaited.accumulateAndGet(globalIndex, Math::max) > reached) {
            poke();
        }
    }

    void poke() {
        Runnable current = callback;
        if (current != null) {
            current.run();
        }
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        this.callback = callback;
        return true;
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        if (delegate.hasNextAvailable(timeout, unit)) {
            return true;
        }
        long target = awaited.get();
        if (target > reached) {
            awaited.compareAndSet(target, reached);
            return delegate.hasNextAvailable((int) catchUpMillis, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        TrackedEventMessage<?> next = delegate.nextAvailable();
        next.trackingToken().position().ifPresent(position -> reached = Math.max(reached, position));
        return next;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return delegate.peek();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public void close() {
        delegate.close();
        onClose.accept(this);
    }
}
