package io.hyperxtest.probe;

import io.hyperxtest.probe.ProbeMessages.ProbeDeposited;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A projection in its own processing group, so the tests can see how processors are configured. */
@ProcessingGroup(ProbeProjection.GROUP)
public class ProbeProjection {

    public static final String GROUP = "test-probe";

    private final Set<String> seenDeposits = ConcurrentHashMap.newKeySet();

    @EventHandler
    void on(ProbeDeposited event, @org.axonframework.messaging.annotation.MessageIdentifier String eventId) {
        seenDeposits.add(eventId);
    }

    public int depositsSeen() {
        return seenDeposits.size();
    }
}
