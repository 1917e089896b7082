package io.hyperx.app.projections;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Replays several processing groups from one read of the event store. Each group's own processor reads,
 * deserializes and schedules every event of the store, so side by side on 2 cores the groups take about as long as
 * one after another. Here one temporary pooled processor (its tokens in memory) hands each event to the handlers of
 * every group, in one transaction per batch, while the groups' processors stay stopped with their segments claimed
 * by this node. It reads the store only up to the head and runs on {@code hyperx.processing.replay-threads}
 * segments, splitting the groups' segments as often as needed: once every segment has handled the head, every group
 * segment takes over the token of the last event read, and the groups' processors carry on from there.
 * <p>
 * Each group sees an event as a replay exactly when its own processor would: when the token the group's segment
 * held at the reset covers the event's position (so {@code @DisallowReplay} reactions skip what they had handled and
 * handle what they had not). It applies when every group has the same segments, a power of two of them, so that a
 * segment's token means the same events for every group and each shared segment lies within one group segment.
 */
@Component
class SharedReadReplay {

    private static final String NAME = "shared-replay";
    private static final Duration CLAIM_EXTENSION = Duration.ofSeconds(2);

    private final EventStorageEngine storage;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final int batchSize;
    private final int threads;

    SharedReadReplay(EventStorageEngine storage, TokenStore tokenStore, TransactionManager transactionManager,
                     @Value("${hyperx.processing.batch-size}") int batchSize,
                     @Value("${hyperx.processing.replay-threads}") int threads) {
        this.storage = storage;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.batchSize = batchSize;
        this.threads = threads;
    }

    /** Whether every group in {@code groups} has the segments 0 to n - 1 for one n, a power of two. */
    boolean applies(List<String> groups) {
        int count = tokenStore.fetchSegments(groups.get(0)).length;
        return count > 0 && Integer.bitCount(count) == 1 && groups.stream().allMatch(group ->
                Arrays.equals(Arrays.stream(tokenStore.fetchSegments(group)).sorted().toArray(),
                        IntStream.range(0, count).toArray()));
    }

    /**
     * Replays {@code processors}, just reset (this node holds their segments' claims), together up to {@code head},
     * then hands each group segment the token reached. {@code position} hears the lowest position reached as it goes.
     */
    void replay(Map<String, StreamingEventProcessor> processors, long head, LongConsumer position)
            throws InterruptedException {
        List<String> groups = List.copyOf(processors.keySet());
        int segments = tokenStore.fetchSegments(groups.get(0)).length;
        Map<String, TrackingToken[]> atReset = new LinkedHashMap<>();
        transactionManager.executeInTransaction(() -> groups.forEach(group -> atReset.put(group,
                IntStream.range(0, segments).mapToObj(segment -> tokenAtReset(tokenStore.fetchToken(group, segment)))
                        .toArray(TrackingToken[]::new))));
        List<EventHandlerInvoker> invokers = new ArrayList<>();
        processors.forEach((group, processor) -> invokers.add(new ReplayMarking(
                ((AbstractEventProcessor) processor).eventHandlerInvoker(), atReset.get(group))));
        int sharedSegments = segments;
        while (sharedSegments < threads) {
            sharedSegments *= 2;
        }
        UpToHead source = new UpToHead(storage, head);
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(daemon("coordinator"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(sharedSegments, daemon("worker"));
        PooledStreamingEventProcessor shared = PooledStreamingEventProcessor.builder()
                .name(NAME)
                .eventHandlerInvoker(new MultiEventHandlerInvoker(invokers))
                .messageSource(source)
                .tokenStore(tokens)
                .transactionManager(transactionManager)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(sharedSegments)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(batchSize)
                // a segment stores its token with the batches it handles, else only once per claim extension; at
                // once here, so that every segment's stored token reaches the end of the stream
                .claimExtensionThreshold(1)
                .build();
        try {
            shared.start();
            long claimsExtended = System.nanoTime();
            while (!source.ended() || !allAt(tokens, sharedSegments, source.last())) {
                Thread.sleep(ProjectionReplay.POLL.toMillis());
                if (shared.isError()) {
                    throw new IllegalStateException("replaying " + String.join(", ", groups) + " failed; see the log");
                }
                if (System.nanoTime() - claimsExtended > CLAIM_EXTENSION.toNanos()) {
                    transactionManager.executeInTransaction(() -> groups.forEach(group ->
                            IntStream.range(0, segments).forEach(segment -> tokenStore.extendClaim(group, segment))));
                    claimsExtended = System.nanoTime();
                }
                position.accept(ProjectionReplay.lowestPosition(shared.processingStatus()));
            }
            shared.shutDown();
            transactionManager.executeInTransaction(() -> groups.forEach(group ->
                    IntStream.range(0, segments).forEach(segment -> tokenStore.storeToken(
                            ReplayToken.createReplayToken(atReset.get(group)[segment], source.last()),
                            group, segment))));
        } finally {
            shared.shutDown();
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }

    /** Whether all {@code segments} of the shared processor have stored {@code end} as their token. */
    private static boolean allAt(TokenStore tokens, int segments, TrackingToken end) {
        return tokens.fetchSegments(NAME).length == segments && IntStream.range(0, segments)
                .allMatch(segment -> Objects.equals(tokens.fetchToken(NAME, segment), end));
    }

    /** What a segment had handled before its reset: the token its replay token was made from, else none. */
    private static TrackingToken tokenAtReset(TrackingToken afterReset) {
        return afterReset instanceof ReplayToken replay ? replay.getTokenAtReset() : null;
    }

    /**
     * One group's handlers, given each event marked as a replay when the group's segment had already handled it
     * before the reset, as Axon's {@link ReplayToken} would mark it on the group's own processor.
     * <p>
     * Every event is offered to every group, on the coordinator, again on the worker and once more per handler
     * invoker when handled, and each time Axon's check walks the invoker's handler members. Here whether a group has
     * a handler is remembered per payload type, and whether an invoker has one per payload type and message class
     * (all that an event handler's parameters tell apart, as long as none requires a metadata value, which none here
     * does); only the segment match, from the invoker's sequencing policy, is worked out per event. A group whose
     * invokers are not Axon's simple ones is asked as it is.
     */
    private static final class ReplayMarking implements EventHandlerInvoker {

        private final EventHandlerInvoker delegate;
        private final List<Invoker> invokers;
        private final TrackingToken[] atReset;
        private final boolean supportsReset;
        private final Map<Class<?>, Boolean> handledTypes = new ConcurrentHashMap<>();

        ReplayMarking(EventHandlerInvoker delegate, TrackingToken[] atReset) {
            this.delegate = delegate;
            this.invokers = Invoker.of(delegate);
            this.atReset = atReset;
            this.supportsReset = delegate.supportsReset();
        }

        @Override
        public void handle(EventMessage<?> event, Segment segment) throws Exception {
            // the shared segment's events all lie in the group segment its id masked with the group's mask
            TrackingToken handledBefore = atReset[segment.getSegmentId() & (atReset.length - 1)];
            EventMessage<?> marked = handledBefore != null && event instanceof TrackedEventMessage<?> tracked
                    && handledBefore.covers(tracked.trackingToken())
                    ? tracked.withTrackingToken(ReplayToken.createReplayToken(handledBefore)) : event;
            if (invokers == null) {
                delegate.handle(marked, segment);
                return;
            }
            for (Invoker invoker : invokers) {
                // the simple invoker matches the event against the segment itself
                if (invoker.hasHandlerFor(marked)) {
                    invoker.simple().handle(marked, segment);
                }
            }
        }

        @Override
        public boolean canHandle(EventMessage<?> event, Segment segment) {
            if (!canHandleType(event.getPayloadType())) {
                return false;
            }
            return invokers == null ? delegate.canHandle(event, segment)
                    : invokers.stream().anyMatch(invoker -> invoker.takes(event, segment));
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return handledTypes.computeIfAbsent(payloadType, delegate::canHandleType);
        }

        @Override
        public boolean supportsReset() {
            return supportsReset;
        }

        @Override
        public void segmentReleased(Segment segment) {
            delegate.segmentReleased(segment);
        }
    }

    /** One of Axon's simple invokers of a group, with its answers remembered. */
    private record Invoker(SimpleEventHandlerInvoker simple, boolean supportsReset,
                           Map<List<Class<?>>, Boolean> handled) {

        /** The simple invokers {@code delegate} consists of, else (another kind among them) none. */
        static List<Invoker> of(EventHandlerInvoker delegate) {
            List<EventHandlerInvoker> parts = delegate instanceof MultiEventHandlerInvoker multi
                    ? multi.delegates() : List.of(delegate);
            if (!parts.stream().allMatch(SimpleEventHandlerInvoker.class::isInstance)) {
                return null;
            }
            return parts.stream().map(SimpleEventHandlerInvoker.class::cast)
                    .map(simple -> new Invoker(simple, simple.supportsReset(), new ConcurrentHashMap<>()))
                    .toList();
        }

        /** What {@link MultiEventHandlerInvoker} asks of each invoker before handing it {@code event}. */
        boolean takes(EventMessage<?> event, Segment segment) {
            return hasHandlerFor(event) && segment.matches(Objects.hashCode(sequenceIdentifier(event)));
        }

        boolean hasHandlerFor(EventMessage<?> event) {
            return (supportsReset || !ReplayToken.isReplay(event))
                    && handled.computeIfAbsent(List.of(event.getPayloadType(), event.getClass()),
                            key -> simple.canHandle(event, Segment.ROOT_SEGMENT));
        }

        /** As {@link SimpleEventHandlerInvoker} works it out: its policy's answer, else the event's own id. */
        private Object sequenceIdentifier(EventMessage<?> event) {
            Object identifier = simple.getSequencingPolicy().getSequenceIdentifierFor(event);
            return identifier != null ? identifier : event.getIdentifier();
        }
    }

    /**
     * The event store's events in order, ending with the first event at or past {@code head}: every segment of the
     * shared processor then ends on that event's token, which each group segment can take over whatever its layout.
     * Read straight from the storage engine, batch after batch: the event store's shared reader serves tailing
     * processors, and a consumer that falls behind its cache reads on its own beside it, so the same rows are read
     * twice.
     */
    private static final class UpToHead implements StreamableMessageSource<TrackedEventMessage<?>> {

        private static final long WAIT_MILLIS = 10;

        private final EventStorageEngine storage;
        private final long head;
        private volatile TrackingToken last;
        private volatile boolean ended;

        UpToHead(EventStorageEngine storage, long head) {
            this.storage = storage;
            this.head = head;
            this.ended = head < 0;
        }

        boolean ended() {
            return ended;
        }

        /** The token of the last event the stream gave. */
        TrackingToken last() {
            return last;
        }

        @Override
        public TrackingToken createTailToken() {
            last = storage.createTailToken();
            return last;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
            return new BlockingStream<>() {

                private TrackingToken read = from;
                private Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(from, false);
                private Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
                private TrackedEventMessage<?> next;

                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    if (next == null && !ended && iterator.hasNext()) {
                        next = iterator.next();
                    }
                    return Optional.ofNullable(next);
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                    long deadline = System.nanoTime() + unit.toNanos(timeout);
                    while (peek().isEmpty() && !ended) {
                        // the storage engine's stream ends at its first empty batch; events up to the head that
                        // were not committed yet when it read that far are read by a new one
                        events.close();
                        events = storage.readEvents(read, false);
                        iterator = events.iterator();
                        if (peek().isPresent() || System.nanoTime() >= deadline) {
                            break;
                        }
                        Thread.sleep(WAIT_MILLIS);
                    }
                    return next != null;
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                    while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                        if (ended) {
                            throw new IllegalStateException("the replay's stream has ended at the head");
                        }
                    }
                    TrackedEventMessage<?> event = next;
                    next = null;
                    read = event.trackingToken();
                    last = read;
                    ended = last.position().orElse(-1) >= head;
                    return event;
                }

                @Override
                public void close() {
                    events.close();
                }
            };
        }
    }

    private static ThreadFactory daemon(String role) {
        return runnable -> {
            Thread thread = new Thread(runnable, NAME + "-" + role);
            thread.setDaemon(true);
            return thread;
        };
    }
}
