package io.hyperx.app.projections;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Rebuilds a projection: stops its processor here, resets its tokens (its {@code @ResetHandler}s clear the
 * tables), drops the non-unique indexes of those tables ({@link DeferredIndexes}), starts it again and follows it
 * until it has caught up with the head of the event store as it was when the replay began, then builds the indexes
 * again. Refuses, with the reason, when another node holds the processor's segments.
 */
@Component
public class ProjectionReplay {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);
    static final Duration POLL = Duration.ofMillis(200);
    private static final int RESET_ATTEMPTS = 3;
    private static final Duration RESET_BACKOFF = Duration.ofMillis(200);
    private static final Duration STORED_TOKENS_WAIT = Duration.ofSeconds(30);

    private final EventProcessingConfiguration eventProcessing;
    private final ProjectionStatus status;
    private final SegmentClaims claims;
    private final SharedReadReplay sharedRead;
    private final DeferredIndexes indexes;
    private final AtomicInteger running = new AtomicInteger();

    ProjectionReplay(EventProcessingConfiguration eventProcessing, ProjectionStatus status, SegmentClaims claims,
                     SharedReadReplay sharedRead, DeferredIndexes indexes) {
        this.eventProcessing = eventProcessing;
        this.status = status;
        this.claims = claims;
        this.sharedRead = sharedRead;
        this.indexes = indexes;
    }

    /** Whether a replay runs in this process: the projections it rebuilds are incomplete until it ends. */
    public boolean running() {
        return running.get() > 0;
    }

    public boolean exists(String group) {
        return eventProcessing.eventProcessor(group, StreamingEventProcessor.class).isPresent();
    }

    /** Replays {@code group} and blocks until it is caught up; {@code progress} hears about it as it goes. */
    public Progress replay(String group, Consumer<Progress> progress) throws InterruptedException {
        return replayAll(List.of(group), progress).get(group);
    }

    /**
     * Replays {@code groups} and blocks until every one has caught up with the head as it was when the replay began:
     * from one read of the store on the shared replay's threads ({@link SharedReadReplay}) when their segments allow,
     * else side by side (each processor reads the store on its own threads). {@code progress} hears about the slowest
     * group (with several groups, under the name "all"); the answer holds each group's own figures.
     */
    public Map<String, Progress> replayAll(List<String> groups, Consumer<Progress> progress)
            throws InterruptedException {
        running.incrementAndGet();
        try {
            return replayEach(groups, progress);
        } finally {
            running.decrementAndGet();
        }
    }

    private Map<String, Progress> replayEach(List<String> groups, Consumer<Progress> progress)
            throws InterruptedException {
        Map<String, StreamingEventProcessor> processors = new LinkedHashMap<>();
        for (String group : groups) {
            processors.put(group, eventProcessing.eventProcessor(group, StreamingEventProcessor.class)
                    .orElseThrow(() -> new IllegalArgumentException("no processing group named " + group)));
        }
        long head = status.head();
        long started = System.nanoTime();
        processors.values().forEach(StreamingEventProcessor::shutDown);
        for (Map.Entry<String, StreamingEventProcessor> entry : processors.entrySet()) {
            reset(entry.getKey(), entry.getValue());
        }
        String name = groups.size() == 1 ? groups.get(0) : "all";
        List<String> tables = indexes.tablesOf(groups);
        Map<String, Progress> done;
        indexes.drop(tables);
        try {
            done = follow(name, processors, head, started, progress);
        } finally {
            indexes.build(tables);
        }
        // the rebuild ends when its indexes are back
        long finished = System.nanoTime() - started;
        done.replaceAll((group, caughtUp) -> new Progress(group, head, head, finished));
        progress.accept(new Progress(name, head, head, finished));
        awaitStoredTokens(done.keySet(), head);
        return done;
    }

    private Map<String, Progress> follow(String name, Map<String, StreamingEventProcessor> processors, long head,
                                         long started, Consumer<Progress> progress) throws InterruptedException {
        List<String> groups = List.copyOf(processors.keySet());
        if (sharedRead.applies(groups)) {
            log.info("Replaying {} from one read of the event store", String.join(", ", groups));
            sharedRead.replay(processors, head,
                    position -> progress.accept(new Progress(name, position, head, System.nanoTime() - started)));
        } else if (groups.size() > 1) {
            log.info("Replaying {} side by side: their segments are not a power of two of equal size",
                    String.join(", ", groups));
        }
        Map<String, Integer> segments = new LinkedHashMap<>();
        processors.forEach((group, processor) -> {
            claims.allow(group);
            segments.put(group, status.segmentCount(group));
            processor.start();
        });
        Map<String, Progress> done = new LinkedHashMap<>();
        while (done.size() < processors.size()) {
            Thread.sleep(POLL.toMillis());
            long elapsed = System.nanoTime() - started;
            long slowest = head;
            for (Map.Entry<String, StreamingEventProcessor> entry : processors.entrySet()) {
                String group = entry.getKey();
                StreamingEventProcessor processor = entry.getValue();
                if (done.containsKey(group)) {
                    continue;
                }
                if (processor.isError()) {
                    throw new IllegalStateException(group + " failed while replaying; see the log");
                }
                if (caughtUp(processor, segments.get(group), head)) {
                    done.put(group, new Progress(group, head, head, elapsed));
                } else {
                    slowest = Math.min(slowest, lowestPosition(processor.processingStatus()));
                }
            }
            progress.accept(new Progress(name, slowest, head, elapsed));
        }
        return done;
    }

    /**
     * Waits until the stored tokens of {@code groups} show them at {@code head}, as other processes see them
     * ({@code ./hyperx projections}, the projection-lag check). A segment stores its token with the batches it
     * handles, else only at its next claim extension (every 5 s by Axon's default), so a segment whose last events
     * concerned none of its handlers lags there for a moment; this command must not exit before that.
     */
    private void awaitStoredTokens(Collection<String> groups, long head) throws InterruptedException {
        long deadline = System.nanoTime() + STORED_TOKENS_WAIT.toNanos();
        for (String group : groups) {
            while (status.storedPosition(group) < head) {
                if (System.nanoTime() > deadline) {
                    log.warn("{} has caught up, but its stored tokens still lag the head; they follow at its next "
                            + "claim extension", group);
                    break;
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /**
     * Resets {@code group}'s tokens; its {@code @ResetHandler}s empty its tables. A reset that loses a lock conflict
     * (a {@code TRUNCATE} against a reader that took the same tables in another order, which PostgreSQL ends as a
     * deadlock) rolled back whole, so it is tried again, up to {@value #RESET_ATTEMPTS} times.
     */
    static void reset(String group, StreamingEventProcessor processor) throws InterruptedException {
        if (!processor.supportsReset()) {
            throw new IllegalStateException("cannot reset " + group + ": none of its handlers can be replayed");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                processor.resetTokens();
                return;
            } catch (UnableToClaimTokenException e) {
                throw new IllegalStateException("cannot reset " + group + ": its segments are claimed elsewhere ("
                        + e.getMessage() + "); stop that node or rebuild through its ops endpoint", e);
            } catch (RuntimeException e) {
                if (attempt == RESET_ATTEMPTS || !lostALockConflict(e)) {
                    throw new IllegalStateException("cannot reset " + group + ": " + e.getMessage(), e);
                }
                log.warn("Resetting {} lost a lock conflict (attempt {} of {}); trying again", group, attempt,
                        RESET_ATTEMPTS);
                Thread.sleep(RESET_BACKOFF.toMillis() * attempt);
            }
        }
    }

    private static boolean lostALockConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }

    static boolean caughtUp(StreamingEventProcessor processor, int segmentCount, long head) {
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        // A segment stays "replaying" until it sees an event past the reset point, so compare positions instead.
        return claimed.size() == segmentCount && lowestPosition(claimed) >= head;
    }

    static long lowestPosition(Map<Integer, EventTrackerStatus> segments) {
        return segments.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(-1))
                .min().orElse(-1);
    }

    /** How far a replay has come: events up to {@code position} of {@code head} handled after {@code elapsedNanos}. */
    public record Progress(String group, long position, long head, long elapsedNanos) {

        public long done() {
            return Math.max(0, position);
        }

        public long total() {
            return Math.max(0, head);
        }

        public double eventsPerSecond() {
            return elapsedNanos == 0 ? 0 : done() * 1e9 / elapsedNanos;
        }
    }
}
