package io.hyperx.platform.consistency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event store positions HTTP writes reached. When an HTTP request's events are committed, the global index of
 * the last one is answered in {@code HyperX-Position} and remembered for the caller (per authenticated principal, in
 * this node's memory, for {@code memory}), so the caller's next read waits for it without asking. Appends outside
 * an HTTP request (processors, jobs) are not tracked.
 */
public final class WritePositions {

    public static final String POSITION_HEADER = "HyperX-Position";
    private static final int MAX_REMEMBERED = 10_000;
    private static final String ATTRIBUTE = WritePositions.class.getName();

    private record Remembered(long position, long expiresAtMillis) {
    }

    private final Map<String, Remembered> lastWrites = new ConcurrentHashMap<>();
    private final Duration memory;
    private final Clock clock;

    public WritePositions(Duration memory, Clock clock) {
        this.memory = memory;
        this.clock = clock;
    }

    /** Whether the current thread serves an HTTP request, so that {@link #appended} would be kept. */
    public boolean tracking() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes;
    }

    /** Events up to {@code globalIndex} were appended in the current transaction (or committed, without one). */
    public void appended(long globalIndex) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed(attributes, globalIndex);
                }
            });
        } else {
            committed(attributes, globalIndex);
        }
    }

    private void committed(ServletRequestAttributes attributes, long globalIndex) {
        Long before = (Long) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        long position = before == null ? globalIndex : Math.max(before, globalIndex);
        attributes.setAttribute(ATTRIBUTE, position, RequestAttributes.SCOPE_REQUEST);
        HttpServletResponse response = attributes.getResponse();
        if (response != null && !response.isCommitted()) {
            response.setHeader(POSITION_HEADER, Long.toString(position));
        }
        Principal principal = attributes.getRequest().getUserPrincipal();
        if (principal != null) {
            if (lastWrites.size() > MAX_REMEMBERED) {
                forgetExpired();
            }
            long expires = clock.millis() + memory.toMillis();
            lastWrites.merge(principal.getName(), new Remembered(position, expires),
                    (old, now) -> new Remembered(Math.max(old.position(), now.position()), expires));
        }
    }

    /** The position of the caller's last write on this node, if it is recent. */
    public OptionalLong lastWriteOf(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return OptionalLong.empty();
        }
        long now = clock.millis();
        Remembered remembered = lastWrites.get(principal.getName());
        if (remembered == null) {
            return OptionalLong.empty();
        }
        if (remembered.expiresAtMillis() < now) {
            lastWrites.remove(principal.getName(), remembered);
            return OptionalLong.empty();
        }
        return OptionalLong.of(remembered.position());
    }

    private void forgetExpired() {
        long now = clock.millis();
        lastWrites.values().removeIf(remembered -> remembered.expiresAtMillis() < now);
    }
}
