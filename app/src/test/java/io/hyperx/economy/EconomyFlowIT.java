package io.hyperx.economy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money through the creator's wallet end to end: a simulator payment is split into pending, the moved clock releases
 * the hold, a payout reserves and the provider completes it; the balance as of each step stays what it was.
 */
class EconomyFlowIT extends EconomyHttpSupport {

    @Test
    void paymentIsHeldThenAvailableThenPaidOutWithBalancesAsOfEachStep() {
        Session creator = register("creator");
        // Stripe-format events carry whole seconds
        Instant beforePayment = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(1);
        pay(UUID.randomUUID(), creator.id(), 10_000);

        // 100.00 - 3.20 processor (2.9% + 0.30) - 5.00 platform - 1.00 charity = 90.80 pending
        JsonNode held = awaitBalance(creator, b -> minor(b, "pending") == 9_080, "net in pending");
        assertThat(minor(held, "available")).isZero();
        assertThat(minor(held, "lifetimeGross")).isEqualTo(10_000);
        assertThat(minor(held, "lifetimeNet")).isEqualTo(9_080);
        Instant whileHeld = clock.instant();
        awaitJob(creator.id(), "RELEASE_HOLD");

        // six days later nothing is due yet
        clock.advance(Duration.ofDays(6));
        sweeper.runDue(clock.instant());
        assertThat(minor(usdBalance(creator, null), "pending")).isEqualTo(9_080);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(sweeper.runDue(clock.instant())).isPositive();
        awaitBalance(creator, b -> minor(b, "available") == 9_080 && minor(b, "pending") == 0, "hold released");
        Instant afterRelease = clock.instant();
        clock.advance(Duration.ofSeconds(1));

        // no payout without a destination
        Response nowhere = post("/api/v1/creators/payouts", body("amount", money(5_000)),
                creator.auth("Idempotency-Key", "payout-1"));
        assertThat(nowhere.status()).as(nowhere.raw()).isEqualTo(422);
        assertThat(nowhere.code()).isEqualTo("payout_destination_required");
        registerBank(creator);

        // more than available: 422 stating the available amount
        Response tooMuch = post("/api/v1/creators/payouts", body("amount", money(9_081)),
                creator.auth("Idempotency-Key", "too-much"));
        assertThat(tooMuch.status()).as(tooMuch.raw()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("insufficient_funds");
        assertThat(tooMuch.json().path("detail").asText()).contains("90.80 USD is available");

        Response payout = post("/api/v1/creators/payouts", body("amount", money(5_000)),
                creator.auth("Idempotency-Key", "payout-1"));
        assertThat(payout.status()).as(payout.raw()).isEqualTo(201);
        String payoutId = payout.json().path("id").asText();
        assertThat(payout.json().path("fee").path("amountMinor").asLong()).isEqualTo(50);
        Response again = post("/api/v1/creators/payouts", body("amount", money(5_000)),
                creator.auth("Idempotency-Key", "payout-1"));
        assertThat(again.json().path("id").asText()).isEqualTo(payoutId);
        Response otherBody = post("/api/v1/creators/payouts", body("amount", money(6_000)),
                creator.auth("Idempotency-Key", "payout-1"));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.code()).isEqualTo("idempotency_key_reused");
        JsonNode reserved = awaitBalance(creator, b -> minor(b, "reserved") == 5_000, "payout reserved");
        assertThat(minor(reserved, "available")).isEqualTo(4_080);
        Instant whileReserved = clock.instant();
        clock.advance(Duration.ofSeconds(1));

        // the provider accepts, then (asked again after the poll interval) confirms
        awaitJob(creator.id(), "PAYOUT");
        sweeper.runDue(clock.instant());
        assertThat(get("/api/v1/creators/payouts/" + payoutId, creator.auth()).json().path("status").asText())
                .isEqualTo("REQUESTED");
        clock.advance(Duration.ofSeconds(10));
        sweeper.runDue(clock.instant());
        JsonNode done = await("payout completed", () -> get("/api/v1/creators/payouts/" + payoutId, creator.auth())
                .json(), view -> view.path("status").asText().equals("COMPLETED"));
        assertThat(done.path("providerReference").asText()).startsWith("po_sim_");
        JsonNode after = awaitBalance(creator, b -> minor(b, "reserved") == 0, "reserved paid out");
        assertThat(minor(after, "available")).isEqualTo(4_080);
        assertThat(get("/api/v1/creators/payouts", creator.auth()).json().path("data")).hasSize(1);

        // the balance as of each step, from the postings' own times
        assertThat(minor(usdBalance(creator, beforePayment), "pending")).isZero();
        JsonNode asHeld = usdBalance(creator, whileHeld);
        assertThat(minor(asHeld, "pending")).isEqualTo(9_080);
        assertThat(minor(asHeld, "available")).isZero();
        JsonNode asReleased = usdBalance(creator, afterRelease);
        assertThat(minor(asReleased, "pending")).isZero();
        assertThat(minor(asReleased, "available")).isEqualTo(9_080);
        JsonNode asReserved = usdBalance(creator, whileReserved);
        assertThat(minor(asReserved, "available")).isEqualTo(4_080);
        assertThat(minor(asReserved, "reserved")).isEqualTo(5_000);
        JsonNode asNow = usdBalance(creator, clock.instant());
        assertThat(minor(asNow, "reserved")).isZero();
        assertThat(minor(asNow, "available")).isEqualTo(4_080);
        assertThat(minor(asNow, "lifetimeNet")).isEqualTo(9_080);

        // the ledger: newest first, each line with its account's running balance
        Response ledger = get("/api/v1/creators/ledger?size=50", creator.auth());
        assertThat(ledger.status()).isEqualTo(200);
        JsonNode lines = ledger.json().path("data");
        assertThat(ledger.json().path("meta").path("pagination").path("totalElements").asLong())
                .isEqualTo(lines.size()).isEqualTo(6);
        assertThat(lines.get(0).path("kind").asText()).isEqualTo("payout-complete");
        assertThat(lines.get(0).path("runningBalance").path("amountMinor").asLong()).isZero();
        List<String> kinds = new ArrayList<>();
        lines.forEach(line -> kinds.add(line.path("kind").asText()));
        assertThat(kinds).containsExactly("payout-complete", "payout-reserve", "payout-reserve", "hold-release",
                "hold-release", "payment");
    }

    @Test
    void twoConcurrentPayoutsOfSixtyPercentNeverOverdrawExactlyOneSucceeds() throws Exception {
        Session creator = register("creator");
        pay(UUID.randomUUID(), creator.id(), 10_000);
        awaitBalance(creator, b -> minor(b, "pending") == 9_080, "net in pending");
        awaitJob(creator.id(), "RELEASE_HOLD");
        sweeper.runDue(clock.instant().plus(Duration.ofDays(8)));
        awaitBalance(creator, b -> minor(b, "available") == 9_080, "hold released");
        registerBank(creator);

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String key = "concurrent-" + i;
            requests.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return post("/api/v1/creators/payouts", body("amount", money(5_448)),
                        creator.auth("Idempotency-Key", key));
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Response> request : requests) {
            statuses.add(request.get().status());
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 422);
        JsonNode balance = awaitBalance(creator, b -> minor(b, "reserved") == 5_448, "one reservation");
        assertThat(minor(balance, "available")).isEqualTo(9_080 - 5_448);
    }
}
