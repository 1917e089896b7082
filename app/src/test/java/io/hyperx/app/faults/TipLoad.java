package io.hyperx.app.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans tipping creators through the API, each tip with its own {@code Idempotency-Key} (also its message, so the
 * event log shows which key made which tip) and retried with the same key until it gets a 2xx: a tip counts as
 * acknowledged once it has one. Every answer is kept with its time, for the scenarios that look at a time window.
 */
final class TipLoad {

    /** A tip the API acknowledged. */
    record Tip(String key, UUID tipId, UUID paymentId, UUID creatorId, long amountMinor) {
    }

    /** One answer the load got: when (System.nanoTime) and its status (-1: none). */
    record Answer(long atNanos, int status) {
    }

    private final Api api;
    private final List<Api.Session> fans;
    private final List<UUID> creators;
    private final ConcurrentLinkedQueue<Tip> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger attempted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean stopping;
    private volatile long giveUpAt = Long.MAX_VALUE;
    private ExecutorService clients;

    TipLoad(Api api, List<Api.Session> fans, List<UUID> creators) {
        this.api = api;
        this.fans = fans;
        this.creators = creators;
    }

    /** Sends tips from {@code threads} clients until {@link #stop} (or {@code limit} tips, when positive). */
    TipLoad start(int threads, int limit) {
        clients = Executors.newFixedThreadPool(threads);
        for (int c = 0; c < threads; c++) {
            clients.submit(() -> {
                while (!stopping && (limit <= 0 || started.incrementAndGet() <= limit)) {
                    attempted.incrementAndGet();
                    sendOne();
                }
                return null;
            });
        }
        return this;
    }

    /** Waits for a limited load to finish. */
    void await(Duration bound) throws InterruptedException {
        clients.shutdown();
        if (!clients.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(Duration.ZERO);
        }
    }

    /** Stops starting tips; those in flight keep retrying for at most {@code drain}. */
    void stop(Duration drain) throws InterruptedException {
        giveUpAt = System.nanoTime() + drain.toNanos();
        stopping = true;
        clients.shutdown();
        if (!clients.awaitTermination(drain.toMillis() + 15_000, TimeUnit.MILLISECONDS)) {
            clients.shutdownNow();
        }
    }

    private void sendOne() throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Api.Session fan = fans.get(random.nextInt(fans.size()));
        UUID creator = creators.get(random.nextInt(creators.size()));
        long amount = 100 + random.nextInt(1900);
        String key = "tip-" + UUID.randomUUID();
        while (System.nanoTime() < giveUpAt) {
            Api.Answer answer = api.tip(fan, key, creator, amount);
            answers.add(new Answer(System.nanoTime(), answer.status()));
            if (answer.ok()) {
                acknowledged.add(new Tip(key, UUID.fromString(answer.json().path("id").asText()),
                        UUID.fromString(answer.json().path("paymentId").asText()), creator, amount));
                return;
            }
            if (answer.status() / 100 == 4 && answer.status() != 409 && answer.status() != 429) {
                refused.incrementAndGet();
                return;
            }
            Thread.sleep(100 + random.nextInt(200));
        }
    }

    List<Tip> acknowledged() {
        return new ArrayList<>(acknowledged);
    }

    List<Answer> answers() {
        return new ArrayList<>(answers);
    }

    int attempted() {
        return attempted.get();
    }

    int refused() {
        return refused.get();
    }

    long answered(int status) {
        return answers.stream().filter(answer -> answer.status() == status).count();
    }
}
