package io.hyperxtest.probe;

import io.hyperxtest.probe.ProbeMessages.ProbeDeposited;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second group beside {@link ProbeProjection}: a reaction that must run once per deposit, replays or not, and
 * ({@link Count}) a rebuildable count of deposits that notes which threads projected it. Two classes, since Axon
 * calls one handler per class for an event.
 */
@ProcessingGroup(ProbeReactions.GROUP)
public class ProbeReactions {

    public static final String GROUP = "test-probe-reactions";

    private final Map<String, AtomicInteger> reactions = new ConcurrentHashMap<>();

    @EventHandler
    @DisallowReplay
    void react(ProbeDeposited event, @MessageIdentifier String eventId) {
        reactions.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
    }

    /** How often the reaction ran for {@code eventId}. */
    public int reactionsTo(String eventId) {
        AtomicInteger count = reactions.get(eventId);
        return count == null ? 0 : count.get();
    }

    @ProcessingGroup(ProbeReactions.GROUP)
    public static class Count {

        private final Set<String> projected = ConcurrentHashMap.newKeySet();
        private final Set<String> projectingThreads = ConcurrentHashMap.newKeySet();

        @EventHandler
        void project(ProbeDeposited event, @MessageIdentifier String eventId) {
            projected.add(eventId);
            projectingThreads.add(Thread.currentThread().getName());
        }

        @ResetHandler
        void reset() {
            projected.clear();
            projectingThreads.clear();
        }

        public int depositsProjected() {
            return projected.size();
        }

        /** The threads that projected deposits since the last reset. */
        public Set<String> projectingThreads() {
            return Set.copyOf(projectingThreads);
        }
    }
}
