package io.hyperxtest.probe;

import io.hyperxtest.probe.ProbeMessages.ProbeDeposited;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A projection in its own processing group, so the tests can see how processors are configured. */
@ProcessingGroup(ProbeProjection.GROUP)
public class ProbeProjection {

    public static final String GROUP = "test-probe";

    private final Set<String> seenDeposits = ConcurrentHashMap.newKeySet();
    private final AtomicInteger deliveries = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();

    @EventHandler
    void on(ProbeDeposited event, @MessageIdentifier String eventId) {
        seenDeposits.add(eventId);
        deliveries.incrementAndGet();
    }

    @ResetHandler
    void reset() {
        seenDeposits.clear();
        resets.incrementAndGet();
    }

    /** Distinct deposit events projected since the last reset. */
    public int depositsSeen() {
        return seenDeposits.size();
    }

    /** Every delivery, redeliveries and replays included. */
    public int deliveries() {
        return deliveries.get();
    }

    public int resets() {
        return resets.get();
    }
}
