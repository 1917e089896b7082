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

    private volatile long failOnAmountMinor = Long.MIN_VALUE;

    @EventHandler
    void on(ProbeDeposited event, @MessageIdentifier String eventId) {
        if (event.amount().amountMinor() == failOnAmountMinor) {
            throw new IllegalStateException("probe refuses deposits of " + failOnAmountMinor);
        }
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

    /** Makes the handler fail on deposits of this amount, until told otherwise. */
    public void failOnDepositsOf(long amountMinor) {
        failOnAmountMinor = amountMinor;
    }

    public void stopFailing() {
        failOnAmountMinor = Long.MIN_VALUE;
    }

    public int resets() {
        return resets.get();
    }
}
