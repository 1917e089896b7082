package io.hyperx.app.projections;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Replays processing groups from one read of the event store. Each group's own processor reads, deserializes and
 * schedules every event of the store, so side by side on 2 cores the groups take about as long as one after another,
 * and a group's processor has only as many threads as it has segments (one by default). Here one reader hands each
 * event to the workers of {@code hyperx.processing.replay-threads} segments (the groups' segments, split as often as
 * needed), and each worker hands its events to the handlers of every group, in one unit of work and transaction per
 * batch, while the groups' processors stay stopped with their segments claimed by this node. It reads the store only
 * up to the head: once every worker has handled the last event read, every group segment takes over that event's
 * token, and the groups' processors carry on from there.
 * (A pooled processor did this before; its coordinator measured the length of every segment's queue, a walk of up to
 * 1,024 entries, before scheduling each event, a quarter of the replay's CPU.)
 * <p>
 * Each group sees an event as a replay exactly when its own processor would: when the token the group's segment
 * held at the reset covers the event's position (so {@code @DisallowReplay} reactions skip what they had handled and
 * handle what they had not). It applies when each group's segments are a power of two of equal size (groups may have
 * different counts), so that each shared segment lies within one segment of every group.
 */
@Component
class SharedReadReplay {

    private static final String NAME = "shared-replay";
    private static final Duration CLAIM_EXTENSION = Duration.ofSeconds(2);
    /** The reader marks an event's segments as the bits of a {@code long}. */
    private static final int MAX_SEGMENTS = Long.SIZE;

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
        if (threads < 1 || threads > MAX_SEGMENTS) {
            throw new IllegalArgumentException("HYPERX_REPLAY_THREADS (hyperx.processing.replay-threads) must be "
                    + "from 1 to " + MAX_SEGMENTS + ", not " + threads);
        }
    }

    /** Whether every group in {@code groups} has the segments 0 to n - 1, n a power of two up to 64 (its own n). */
    boolean applies(List<String> groups) {
        return groups.stream().allMatch(group -> {
            int[] segments = tokenStore.fetchSegments(group);
            int count = segments.length;
            return count > 0 && count <= MAX_SEGMENTS && Integer.bitCount(count) == 1
                    && Arrays.equals(Arrays.stream(segments).sorted().toArray(), IntStream.range(0, count).toArray());
        });
    }

    /**
     * Replays {@code processors}, just reset (this node holds their segments' claims), together up to {@code head},
     * then hands each group segment the token reached. {@code position} hears the lowest position reached as it goes.
     */
    void replay(Map<String, StreamingEventProcessor> processors, long head, LongConsumer position)
            throws InterruptedException {
        List<String> groups = List.copyOf(processors.keySet());
        Map<String, TrackingToken[]> atReset = new LinkedHashMap<>();
        transactionManager.executeInTransaction(() -> groups.forEach(group -> atReset.put(group,
                Arrays.stream(tokenStore.fetchSegments(group)).sorted()
                        .mapToObj(segment -> tokenAtReset(tokenStore.fetchToken(group, segment)))
                        .toArray(TrackingToken[]::new))));
        List<ReplayMarking> markings = new ArrayList<>();
        processors.forEach((group, processor) -> markings.add(new ReplayMarking(
                ((AbstractEventProcessor) processor).eventHandlerInvoker(), atReset.get(group))));
        // as many shared segments as the group with the most has, split until there is one per thread: each lies
        // within one segment of every group
        int sharedSegments = atReset.values().stream().mapToInt(tokens -> tokens.length).max().orElseThrow();
        while (sharedSegments < threads) {
            sharedSegments *= 2;
        }
        UpToHead source = new UpToHead(storage, head);
        Workers workers = new Workers(markings, Segment.computeSegments(IntStream.range(0, sharedSegments).toArray()));
        ExecutorService pool = Executors.newFixedThreadPool(sharedSegments + 1, daemon());
        try {
            List<Future<?>> running = workers.start(pool, source);
            long claimsExtended = System.nanoTime();
            while (!finished(running, groups)) {
                Thread.sleep(ProjectionReplay.POLL.toMillis());
                if (System.nanoTime() - claimsExtended > CLAIM_EXTENSION.toNanos()) {
                    transactionManager.executeInTransaction(() -> atReset.forEach((group, tokens) ->
                            IntStream.range(0, tokens.length).forEach(segment -> tokenStore.extendClaim(group,
                                    segment))));
                    claimsExtended = System.nanoTime();
                }
                position.accept(workers.position());
            }
            transactionManager.executeInTransaction(() -> atReset.forEach((group, tokens) ->
                    IntStream.range(0, tokens.length).forEach(segment -> tokenStore.storeToken(
                            ReplayToken.createReplayToken(tokens[segment], source.last()), group, segment))));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the reader and every worker are done; the first failure among them ends the replay. */
    private static boolean finished(List<Future<?>> running, List<String> groups) throws InterruptedException {
        for (Future<?> task : running) {
            if (task.isDone()) {
                try {
                    task.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("replaying " + String.join(", ", groups) + " failed: "
                            + e.getCause().getMessage(), e.getCause());
                }
            }
        }
        return running.stream().allMatch(Future::isDone);
    }

    /**
     * One reader and one worker per shared segment. The reader hands each event to the workers of the segments in
     * which some group has a handler for it (a group's sequencing policy picks one segment per event, groups may pick
     * different ones); each worker handles its events in the order read, in batches, one unit of work and transaction
     * per batch, as a pooled processor's worker would.
     */
    private final class Workers {

        private static final EventMessage<?> END = GenericEventMessage.asEventMessage("end of the replay");

        private final List<ReplayMarking> groups;
        private final Segment[] segments;
        private final List<BlockingQueue<EventMessage<?>>> queues = new ArrayList<>();
        private final AtomicLongArray handled;
        private volatile long read = -1;

        Workers(List<ReplayMarking> groups, Segment[] segments) {
            this.groups = groups;
            this.segments = segments;
            this.handled = new AtomicLongArray(segments.length);
            for (Segment segment : segments) {
                queues.add(new ArrayBlockingQueue<>(2 * batchSize));
                handled.set(segment.getSegmentId(), -1);
            }
        }

        List<Future<?>> start(ExecutorService pool, UpToHead source) {
            List<Future<?>> running = new ArrayList<>();
            running.add(pool.submit(() -> read(source)));
            for (Segment segment : segments) {
                running.add(pool.submit(() -> work(segment)));
            }
            return running;
        }

        /** The lowest position every segment has handled, counting a segment with nothing waiting as done. */
        long position() {
            long lowest = read;
            for (Segment segment : segments) {
                if (!queues.get(segment.getSegmentId()).isEmpty()) {
                    lowest = Math.min(lowest, handled.get(segment.getSegmentId()));
                }
            }
            return lowest;
        }

        private Void read(UpToHead source) throws InterruptedException {
            try (source) {
                while (!source.ended()) {
                    TrackedEventMessage<?> event = source.next();
                    long targets = 0;
                    for (ReplayMarking group : groups) {
                        targets |= group.segmentsOf(event, segments);
                    }
                    for (int segment = 0; segment < segments.length; segment++) {
                        if ((targets & (1L << segment)) != 0) {
                            queues.get(segment).put(event);
                        }
                    }
                    read = position(event);
                }
            }
            for (BlockingQueue<EventMessage<?>> queue : queues) {
                queue.put(END);
            }
            return null;
        }

        private Void work(Segment segment) throws InterruptedException {
            BlockingQueue<EventMessage<?>> queue = queues.get(segment.getSegmentId());
            List<EventMessage<?>> batch = new ArrayList<>(batchSize);
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, batchSize - 1);
                boolean ended = batch.get(batch.size() - 1) == END;
                if (ended) {
                    batch.remove(batch.size() - 1);
                }
                if (!batch.isEmpty()) {
                    handle(batch, segment);
                    handled.set(segment.getSegmentId(), position(batch.get(batch.size() - 1)));
                }
                if (ended) {
                    return null;
                }
                batch.clear();
            }
        }

        private void handle(List<EventMessage<?>> batch, Segment segment) {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            unitOfWork.attachTransaction(transactionManager);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                EventMessage<?> event = unitOfWork.getMessage();
                for (ReplayMarking group : groups) {
                    group.handle(event, segment);
                }
                return null;
            });
            if (result.isExceptional()) {
                throw new IllegalStateException("a batch of segment " + segment.getSegmentId() + " up to position "
                        + position(batch.get(batch.size() - 1)) + " failed", result.exceptionResult());
            }
        }

        private static long position(EventMessage<?> event) {
            return ((TrackedEventMessage<?>) event).trackingToken().position().orElse(-1);
        }
    }

    /** What a segment had handled before its reset: the token its replay token was made from, else none. */
    private static TrackingToken tokenAtReset(TrackingToken afterReset) {
        return afterReset instanceof ReplayToken replay ? replay.getTokenAtReset() : null;
    }

    /**
     * One group's handlers, given each event marked as a replay when the group's segment had already handled it
     * before the reset, as Axon's {@link ReplayToken} would mark it on the group's own processor.
     * <p>
     * Axon's check whether an invoker has a handler for an event walks the invoker's handler members. Here whether a
     * group has a handler is remembered per payload type, and whether an invoker has one per payload type and message
     * class (all that an event handler's parameters tell apart, as long as none requires a metadata value, which none
     * here does); only the segment, from the invoker's sequencing policy, is worked out per event. A group whose
     * invokers are not Axon's simple ones is asked as it is.
     */
    private static final class ReplayMarking {

        private final EventHandlerInvoker delegate;
        private final List<Invoker> invokers;
        private final TrackingToken[] atReset;
        private final Map<Class<?>, Boolean> handledTypes = new ConcurrentHashMap<>();

        ReplayMarking(EventHandlerInvoker delegate, TrackingToken[] atReset) {
            this.delegate = delegate;
            this.invokers = Invoker.of(delegate);
            this.atReset = atReset;
        }

        /**
         * Which of the shared {@code segments} (a power of two of them) this group has a handler for {@code event}
         * in, as bits: Axon's segment {@code s} of {@code n} takes the events whose sequence identifier's hash ends
         * in the bits of {@code s}.
         */
        long segmentsOf(EventMessage<?> event, Segment[] segments) {
            if (!handledTypes.computeIfAbsent(event.getPayloadType(), delegate::canHandleType)) {
                return 0;
            }
            long taking = 0;
            if (invokers == null) {
                for (Segment segment : segments) {
                    taking |= delegate.canHandle(event, segment) ? 1L << segment.getSegmentId() : 0;
                }
                return taking;
            }
            for (Invoker invoker : invokers) {
                if (invoker.hasHandlerFor(event)) {
                    taking |= 1L << (Objects.hashCode(invoker.sequenceIdentifier(event)) & (segments.length - 1));
                }
            }
            return taking;
        }

        void handle(EventMessage<?> event, Segment segment) throws Exception {
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

        boolean hasHandlerFor(EventMessage<?> event) {
            return (supportsReset || !ReplayToken.isReplay(event))
                    && handled.computeIfAbsent(List.of(event.getPayloadType(), event.getClass()),
                            key -> simple.canHandle(event, Segment.ROOT_SEGMENT));
        }

        /** As {@link SimpleEventHandlerInvoker} works it out: its policy's answer, else the event's own id. */
        Object sequenceIdentifier(EventMessage<?> event) {
            Object identifier = simple.getSequencingPolicy().getSequenceIdentifierFor(event);
            return identifier != null ? identifier : event.getIdentifier();
        }
    }

    /**
     * The event store's events in order, from the start, ending with the first event at or past {@code head}: every
     * shared segment then ends on that event's token, which each group segment can take over whatever its layout.
     * Read straight from the storage engine, batch after batch: the event store's shared reader serves tailing
     * processors, and a consumer that falls behind its cache reads on its own beside it, so the same rows are read
     * twice.
     */
    private static final class UpToHead implements AutoCloseable {

        private static final long WAIT_MILLIS = 10;

        private final EventStorageEngine storage;
        private final long head;
        private TrackingToken last;
        private boolean ended;
        private Stream<? extends TrackedEventMessage<?>> events;
        private Iterator<? extends TrackedEventMessage<?>> iterator;

        UpToHead(EventStorageEngine storage, long head) {
            this.storage = storage;
            this.head = head;
            this.ended = head < 0;
            this.last = storage.createTailToken();
            this.events = storage.readEvents(last, false);
            this.iterator = events.iterator();
        }

        boolean ended() {
            return ended;
        }

        /** The token of the last event read. */
        TrackingToken last() {
            return last;
        }

        TrackedEventMessage<?> next() throws InterruptedException {
            while (!iterator.hasNext()) {
                // the storage engine's stream ends at its first empty batch; events up to the head that were not
                // committed yet when it read that far are read by a new one
                events.close();
                Thread.sleep(WAIT_MILLIS);
                events = storage.readEvents(last, false);
                iterator = events.iterator();
            }
            TrackedEventMessage<?> event = iterator.next();
            last = event.trackingToken();
            ended = last.position().orElse(-1) >= head;
            return event;
        }

        @Override
        public void close() {
            events.close();
        }
    }

    private static ThreadFactory daemon() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, NAME + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
