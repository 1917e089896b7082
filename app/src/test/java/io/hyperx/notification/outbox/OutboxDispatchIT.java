package io.hyperx.notification.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.notification.NotificationHttpSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox and its dispatcher against a scripted channel sender: stored once per key, sent once across
 * concurrent dispatchers, retried with backoff and given up after the horizon, every attempt recorded.
 */
class OutboxDispatchIT extends NotificationHttpSupport {

    @Autowired
    NotificationOutbox outbox;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ObjectMapper json;

    /** A WEBHOOK sender answering what {@code script} says, counting sends per key. */
    static final class ScriptedSender implements ChannelSender {
        final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        final Function<OutboxMessage, DeliveryOutcome> script;

        ScriptedSender(Function<OutboxMessage, DeliveryOutcome> script) {
            this.script = script;
        }

        @Override
        public Channel channel() {
            return Channel.WEBHOOK;
        }

        @Override
        public DeliveryOutcome send(OutboxMessage message) {
            sends.computeIfAbsent(message.idempotencyKey(), key -> new AtomicInteger()).incrementAndGet();
            return script.apply(message);
        }
    }

    private NotificationDispatcher dispatcher(ChannelSender sender, NotificationSettings.Retry retry, int batch) {
        NotificationSettings settings = new NotificationSettings(Duration.ofHours(1), batch, Duration.ofMinutes(1),
                null, retry, null, null, null, null);
        return new NotificationDispatcher(jdbc, transactions, List.of(sender), settings, clock, meters,
                json);
    }

    private String enqueue(String tag) {
        String key = "test:" + tag + ":" + UUID.randomUUID();
        assertThat(outbox.enqueue(new NotificationRequest(key, Channel.WEBHOOK, UUID.randomUUID().toString(),
                "supporters", "test", Map.of("n", 1)))).isTrue();
        return key;
    }

    private String status(String key) {
        return jdbc.queryForObject("SELECT status FROM notification.outbox WHERE idempotency_key = ?", String.class,
                key);
    }

    @Test
    void aSecondRequestWithTheSameKeyIsIgnored() {
        String key = enqueue("duplicate");
        assertThat(outbox.enqueue(new NotificationRequest(key, Channel.WEBHOOK, "other", "supporters", "test",
                Map.of()))).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification.outbox WHERE idempotency_key = ?",
                Long.class, key)).isEqualTo(1);
    }

    /**
     * In an event handler's unit of work the requests of a batch are stored together when it commits: a key twice
     * in the batch or already stored is stored once, a category the recipient turned off is stored suppressed.
     */
    @Test
    void requestsOfOneUnitOfWorkAreStoredTogetherWhenItCommits() {
        UUID fan = UUID.randomUUID();
        jdbc.update("INSERT INTO notification.preference (account_id, category, channel, enabled, updated_at) "
                + "VALUES (?, 'tips', 'EMAIL', false, now())", fan);
        String stored = enqueue("stored-before");
        String twice = "test:twice:" + UUID.randomUUID();
        String turnedOff = "test:off:" + UUID.randomUUID();
        String inApp = "test:in-app:" + UUID.randomUUID();
        double suppressedBefore = meters.counter(NotificationMetrics.NAME, "channel", "email", "outcome",
                "suppressed").count();
        List<String> endpoints = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.execute(() -> {
            for (String endpoint : endpoints) {
                outbox.enqueueAtCommit(new NotificationRequest(twice, Channel.WEBHOOK, endpoint, "supporters", "test",
                        Map.of()));
            }
            outbox.enqueueAtCommit(new NotificationRequest(stored, Channel.WEBHOOK, endpoints.get(1), "supporters",
                    "test", Map.of()));
            outbox.enqueueAtCommit(new NotificationRequest(turnedOff, Channel.EMAIL, fan.toString(), "tips",
                    "new_tip", Map.of("amount", "5.00 USD")));
            outbox.enqueueAtCommit(new NotificationRequest(inApp, Channel.IN_APP, fan.toString(), "tips",
                    "new_tip", Map.of()));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM notification.outbox WHERE idempotency_key IN "
                    + "(?, ?, ?)", Long.class, twice, turnedOff, inApp)).as("nothing before the commit").isZero();
        });

        assertThat(jdbc.queryForList("SELECT recipient FROM notification.outbox WHERE idempotency_key = ?",
                String.class, twice)).containsExactly(endpoints.get(0));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification.outbox WHERE idempotency_key = ?",
                Long.class, stored)).isOne();
        assertThat(status(turnedOff)).isEqualTo("SUPPRESSED");
        assertThat(jdbc.queryForObject("SELECT data->>'amount' FROM notification.outbox WHERE idempotency_key = ?",
                String.class, turnedOff)).isEqualTo("5.00 USD");
        assertThat(status(inApp)).isEqualTo("PENDING");
        assertThat(meters.counter(NotificationMetrics.NAME, "channel", "email", "outcome", "suppressed").count())
                .isEqualTo(suppressedBefore + 1);
    }

    @Test
    void aDeliveredMessageIsSentOnceAndItsAttemptRecorded() {
        ScriptedSender sender = new ScriptedSender(message -> new DeliveryOutcome(DeliveryOutcome.Kind.DELIVERED,
                200, "ok"));
        String key = enqueue("delivered");
        NotificationDispatcher dispatcher = dispatcher(sender, null, 50);
        drain(dispatcher);
        drain(dispatcher);

        assertThat(status(key)).isEqualTo("SENT");
        assertThat(sender.sends.get(key)).hasValue(1);
        Map<String, Object> attempt = jdbc.queryForMap("""
                SELECT a.attempt, a.outcome, a.status_code, a.detail FROM notification.delivery_attempt a
                JOIN notification.outbox o ON o.id = a.outbox_id WHERE o.idempotency_key = ?""", key);
        assertThat(attempt).containsEntry("attempt", 1).containsEntry("outcome", "DELIVERED")
                .containsEntry("status_code", 200).containsEntry("detail", "ok");
    }

    @Test
    void concurrentDispatchersNeverSendOneMessageTwice() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ScriptedSender sender = new ScriptedSender(message -> {
            sleep(5);
            return DeliveryOutcome.delivered("ok");
        });
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            keys.add(enqueue("concurrent"));
        }
        NotificationDispatcher first = dispatcher(sender, null, 5);
        NotificationDispatcher second = dispatcher(sender, null, 5);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(() -> {
                start.await();
                return drain(first);
            });
            Future<Integer> b = pool.submit(() -> {
                start.await();
                return drain(second);
            });
            start.countDown();
            int tried = a.get() + b.get();
            assertThat(a.get()).as("both dispatchers took part").isPositive();
            assertThat(b.get()).as("both dispatchers took part").isPositive();
            assertThat(tried).isGreaterThanOrEqualTo(keys.size());
        } finally {
            pool.shutdownNow();
        }
        for (String key : keys) {
            assertThat(sender.sends.get(key)).as(key).hasValue(1);
            assertThat(status(key)).isEqualTo("SENT");
        }
    }

    @Test
    void aFailingChannelIsRetriedWithBackoffThenGivenUpAfterTheHorizon() {
        NotificationSettings.Retry retry = new NotificationSettings.Retry(Duration.ofMillis(20),
                Duration.ofMillis(80), Duration.ofMillis(600));
        ScriptedSender sender = new ScriptedSender(message -> DeliveryOutcome.retry(500, "HTTP 500"));
        String key = enqueue("failing");
        NotificationDispatcher dispatcher = dispatcher(sender, retry, 50);
        Instant created = jdbc.queryForObject("SELECT created_at FROM notification.outbox WHERE idempotency_key = ?",
                java.sql.Timestamp.class, key).toInstant();
        Instant deadline = Instant.now().plusSeconds(20);
        while (!"GAVE_UP".equals(status(key)) && Instant.now().isBefore(deadline)) {
            Instant before = clock.instant();
            dispatcher.dispatchDue();
            Map<String, Object> row = jdbc.queryForMap("SELECT status, attempts, next_attempt_at FROM notification.outbox "
                    + "WHERE idempotency_key = ?", key);
            if ("PENDING".equals(row.get("status"))) {
                Instant next = ((java.sql.Timestamp) row.get("next_attempt_at")).toInstant();
                assertThat(next).as("next attempt within the backoff ceiling")
                        .isBefore(clock.instant().plus(retry.backoff().ceiling((Integer) row.get("attempts")))
                                .plusMillis(5));
                assertThat(next).as("never scheduled after the horizon")
                        .isBeforeOrEqualTo(created.plus(retry.horizon()));
                assertThat(next).as("not before the attempt").isAfterOrEqualTo(before);
            }
            sleep(10);
        }

        assertThat(status(key)).isEqualTo("GAVE_UP");
        int attempts = sender.sends.get(key).get();
        assertThat(attempts).as("retried before giving up").isGreaterThan(2);
        List<Map<String, Object>> recorded = jdbc.queryForList("""
                SELECT a.attempt, a.outcome, a.status_code, a.attempted_at FROM notification.delivery_attempt a
                JOIN notification.outbox o ON o.id = a.outbox_id WHERE o.idempotency_key = ? ORDER BY a.attempt""",
                key);
        assertThat(recorded).hasSize(attempts);
        assertThat(recorded).allSatisfy(row -> {
            assertThat(row).containsEntry("outcome", "RETRY").containsEntry("status_code", 500);
        });
        Instant last = ((java.sql.Timestamp) recorded.get(recorded.size() - 1).get("attempted_at")).toInstant();
        Instant first = ((java.sql.Timestamp) recorded.get(0).get("attempted_at")).toInstant();
        assertThat(Duration.between(first, last)).as("the last attempt within a poll of the horizon")
                .isLessThanOrEqualTo(retry.horizon().plusMillis(500));
        assertThat(jdbc.queryForObject("SELECT last_error FROM notification.outbox WHERE idempotency_key = ?",
                String.class, key)).isEqualTo("HTTP 500");
    }

    @Test
    void aPermanentFailureIsGivenUpAtOnce() {
        ScriptedSender sender = new ScriptedSender(message -> DeliveryOutcome.permanentFailure(410, "gone"));
        String key = enqueue("permanent");
        drain(dispatcher(sender, null, 50));
        assertThat(status(key)).isEqualTo("GAVE_UP");
        assertThat(sender.sends.get(key)).hasValue(1);
    }

    /** Dispatches until nothing this dispatcher claims is left; answers how many attempts it made. */
    private static int drain(NotificationDispatcher dispatcher) {
        int total = 0;
        int tried;
        do {
            tried = dispatcher.dispatchDue();
            total += tried;
        } while (tried > 0);
        return total;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
