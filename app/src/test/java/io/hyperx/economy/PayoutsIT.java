package io.hyperx.economy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payout destinations, retries after a provider failure (the offline simulator fails amounts ending in 14 once and
 * those ending in 13 always), the daily auto-payout, and the admin's per-creator platform fee.
 */
class PayoutsIT extends EconomyHttpSupport {

    static final String DESTINATIONS = "/api/v1/creators/payouts/destinations";

    Duration clockBefore;

    @BeforeEach
    void rememberClock() {
        clockBefore = clock.offset();
    }

    /** Other tests share the clock and count days from the payments' (wall-clock) times: put it back. */
    @AfterEach
    void putClockBack() {
        clock.advance(clockBefore.minus(clock.offset()));
    }

    @Test
    void destinationsAreRegisteredThroughTheProviderListedAndRemovedKeepingOnlyTheLast4() {
        Session creator = register("creator");

        Response rawNumbers = post(DESTINATIONS, body("type", "bank_account", "token", "000123456789"),
                creator.auth());
        assertThat(rawNumbers.status()).as(rawNumbers.raw()).isEqualTo(422);
        assertThat(rawNumbers.code()).isEqualTo("payout_destination_refused");
        Response unknownType = post(DESTINATIONS, body("type", "paypal"), creator.auth());
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(unknownType.code()).isEqualTo("invalid_destination_type");

        Response bank = post(DESTINATIONS, body("type", "bank_account", "token", "btok_test_4321"), creator.auth());
        assertThat(bank.status()).as(bank.raw()).isEqualTo(201);
        assertThat(bank.json().path("kind").asText()).isEqualTo("BANK_ACCOUNT");
        assertThat(bank.json().path("last4").asText()).isEqualTo("4321");
        assertThat(bank.raw()).doesNotContain("btok_").doesNotContain("ba_sim").doesNotContain("acct_");
        Response connect = post(DESTINATIONS, body("type", "stripe_connect"), creator.auth());
        assertThat(connect.status()).as(connect.raw()).isEqualTo(201);

        JsonNode listed = get(DESTINATIONS, creator.auth()).json().path("data");
        assertThat(listed).hasSize(2);
        // both live on the creator's one connected account
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT provider_account) FROM economy.payout_destination"
                + " WHERE creator_id = ?", Long.class, creator.id())).isEqualTo(1);

        String bankId = bank.json().path("id").asText();
        assertThat(delete(DESTINATIONS + "/" + bankId, creator.auth()).status()).isEqualTo(204);
        assertThat(delete(DESTINATIONS + "/" + bankId, creator.auth()).status()).isEqualTo(404);
        assertThat(get(DESTINATIONS, creator.auth()).json().path("data")).hasSize(1);
        Session other = register("creator");
        assertThat(delete(DESTINATIONS + "/" + connect.json().path("id").asText(), other.auth()).status())
                .isEqualTo(404);
    }

    @Test
    void aFailedAttemptKeepsTheFundsReservedAndIsRetriedWithBackoffUntilPaid() {
        Session creator = register("creator");
        fundedAndReleased(creator, 10_000, 9_080);
        registerBank(creator);
        // 14.28 - 0.14 fee = 14.14 to the bank: the simulator refuses the first attempt
        String payoutId = requestPayout(creator, 1_428, "retry-then-paid");

        JsonNode retrying = attemptFails(creator, payoutId);
        assertThat(retrying.path("failedAttempts").asInt()).isEqualTo(1);
        assertThat(retrying.path("failureReason").asText()).isEqualTo("bank_unavailable");
        Instant next = Instant.parse(retrying.path("nextAttemptAt").asText());
        assertThat(Duration.between(clock.instant(), next)).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
        JsonNode held = usdBalance(creator, null);
        assertThat(minor(held, "reserved")).isEqualTo(1_428);
        assertThat(minor(held, "available")).isEqualTo(9_080 - 1_428);

        // not before the backoff
        clock.advance(Duration.ofMinutes(5));
        sweeper.runDue(clock.instant());
        assertThat(payout(creator, payoutId).path("status").asText()).isEqualTo("RETRYING");

        clock.advance(Duration.ofMinutes(6));
        sweeper.runDue(clock.instant());
        clock.advance(Duration.ofSeconds(10));
        sweeper.runDue(clock.instant());
        JsonNode paid = await("retried payout paid", () -> payout(creator, payoutId),
                view -> view.path("status").asText().equals("COMPLETED"));
        assertThat(paid.path("failedAttempts").asInt()).isEqualTo(1);
        assertThat(paid.path("providerReference").asText()).endsWith("_1");
        JsonNode after = awaitBalance(creator, b -> minor(b, "reserved") == 0, "reserved paid out");
        assertThat(minor(after, "available")).isEqualTo(9_080 - 1_428);
    }

    @Test
    void aPayoutFailingEveryAttemptFailsForGoodAfterTheConfiguredRetriesAndReturnsTheFunds() {
        Session creator = register("creator");
        fundedAndReleased(creator, 10_000, 9_080);
        registerBank(creator);
        // 14.27 - 0.14 fee = 14.13 to the bank: the simulator always refuses it
        String payoutId = requestPayout(creator, 1_427, "always-fails");

        Duration backoff = Duration.ofMinutes(10);
        for (int retry = 1; retry <= 3; retry++) {
            JsonNode retrying = attemptFails(creator, payoutId);
            assertThat(retrying.path("failedAttempts").asInt()).isEqualTo(retry);
            assertThat(minor(usdBalance(creator, null), "reserved")).isEqualTo(1_427);
            clock.advance(backoff.plusSeconds(1));
            backoff = backoff.multipliedBy(2);
        }
        sweeper.runDue(clock.instant());
        clock.advance(Duration.ofSeconds(10));
        sweeper.runDue(clock.instant());

        JsonNode failed = await("payout failed for good", () -> payout(creator, payoutId),
                view -> view.path("status").asText().equals("FAILED"));
        assertThat(failed.path("failedAttempts").asInt()).isEqualTo(3);
        assertThat(failed.path("failureReason").asText()).isEqualTo("account_closed");
        JsonNode returned = awaitBalance(creator, b -> minor(b, "reserved") == 0, "funds returned");
        assertThat(minor(returned, "available")).isEqualTo(9_080);
        assertThat(events(creator, "PayoutAttemptFailed")).isEqualTo(3);
        assertThat(events(creator, "PayoutFailed")).isEqualTo(1);
        // nothing left to run for it
        sweeper.runDue(clock.instant().plus(Duration.ofDays(1)));
        assertThat(events(creator, "PayoutFailed")).isEqualTo(1);
    }

    @Test
    void theDailyAutoPayoutPaysEligibleCreatorsTheirWholeBalanceOnceEvenWhenTwoNodesRun() throws Exception {
        Session eligible = register("creator");
        Session belowOwnMinimum = register("creator");
        Session autoOff = register("creator");
        Session noDestination = register("creator");
        for (Session creator : List.of(eligible, belowOwnMinimum, autoOff, noDestination)) {
            fundedAndReleased(creator, 10_000, 9_080);
        }
        for (Session creator : List.of(eligible, belowOwnMinimum, autoOff)) {
            registerBank(creator);
        }
        // a midnight no other test's sweep has reached
        Instant midnight = LocalDate.ofInstant(clock.instant().plus(Duration.ofDays(30)), ZoneOffset.UTC)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        clock.advance(Duration.between(clock.instant(), midnight.minus(Duration.ofHours(1))));
        // the earlier days' runs happen before any of these creators signs up; the day's row is written
        sweeper.runDue(clock.instant());

        Response on = put("/api/v1/creators/payouts/settings", body("dailyAutoPayout", true), eligible.auth());
        assertThat(on.status()).as(on.raw()).isEqualTo(200);
        put("/api/v1/creators/payouts/settings", body("dailyAutoPayout", true, "minimum", money(100_000)),
                belowOwnMinimum.auth());
        put("/api/v1/creators/payouts/settings", body("dailyAutoPayout", false), autoOff.auth());
        put("/api/v1/creators/payouts/settings", body("dailyAutoPayout", true), noDestination.auth());
        await("settings projected", () -> get("/api/v1/creators/payouts/settings", belowOwnMinimum.auth()).json(),
                view -> view.path("minimum").path("amountMinor").asLong() == 100_000);
        await("settings projected", () -> get("/api/v1/creators/payouts/settings", noDestination.auth()).json(),
                view -> view.path("dailyAutoPayout").asBoolean());

        // nothing before midnight UTC
        sweeper.runDue(clock.instant());
        assertThat(payouts(eligible)).isEmpty();
        clock.advance(Duration.between(clock.instant(), midnight).plusMinutes(1));

        // two nodes sweep at once
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> nodes = List.of(sweep(start), sweep(start));
        start.countDown();
        for (CompletableFuture<Integer> node : nodes) {
            node.get();
        }
        sweeper.runDue(clock.instant());
        JsonNode paid = await("auto-payout requested", () -> payouts(eligible), data -> data.size() == 1).get(0);
        assertThat(paid.path("amount").path("amountMinor").asLong()).isEqualTo(9_080);
        assertThat(paid.path("fee").path("amountMinor").asLong()).isZero();
        assertThat(paid.path("id").asText()).isEqualTo(dailyPayoutId(eligible.id(), midnight));

        // a node that missed that the day's run was done runs it again: the same ids, no second payout
        jdbc.update("UPDATE economy.scheduled_job SET done_at = NULL WHERE kind IN ('DAILY_PAYOUTS', 'AUTO_PAYOUT')"
                + " AND due_at >= ?", java.sql.Timestamp.from(midnight));
        sweeper.runDue(clock.instant());
        clock.advance(Duration.ofSeconds(10));
        sweeper.runDue(clock.instant());
        await("auto-payout paid", () -> payouts(eligible),
                data -> data.get(0).path("status").asText().equals("COMPLETED"));
        assertThat(payouts(eligible)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM economy.payout WHERE creator_id = ?", Long.class,
                eligible.id())).isEqualTo(1);
        for (Session creator : List.of(belowOwnMinimum, autoOff, noDestination)) {
            assertThat(payouts(creator)).isEmpty();
            assertThat(minor(usdBalance(creator, null), "available")).isEqualTo(9_080);
        }
        assertThat(minor(usdBalance(eligible, null), "available")).isZero();
    }

    @Test
    void anAdminSetsACreatorsPlatformFeeWithinZeroToTenThousandBasisPoints() {
        Session creator = register("creator");
        Session admin = admin();
        String path = "/api/v1/admin/creators/" + creator.id() + "/fees";

        assertThat(put(path, body("platformFeeBps", 1_000), creator.auth()).status()).isEqualTo(403);
        Response tooHigh = put(path, body("platformFeeBps", 10_001), admin.auth());
        assertThat(tooHigh.status()).as(tooHigh.raw()).isEqualTo(400);
        assertThat(put(path, body("platformFeeBps", -1), admin.auth()).status()).isEqualTo(400);
        Response set = put(path, body("platformFeeBps", 1_000), admin.auth());
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.json().path("platformFeeBps").asInt()).isEqualTo(1_000);

        // 100.00 -> 3.20 processor, 10.00 platform (10%), 1.00 charity, 85.80 net
        pay(UUID.randomUUID(), creator.id(), 10_000);
        awaitBalance(creator, b -> minor(b, "pending") == 8_580, "net after a 10% platform fee");
    }

    private String requestPayout(Session creator, long minor, String key) {
        Response payout = post("/api/v1/creators/payouts", body("amount", money(minor)),
                creator.auth("Idempotency-Key", key));
        assertThat(payout.status()).as(payout.raw()).isEqualTo(201);
        awaitJob(creator.id(), "PAYOUT");
        return payout.json().path("id").asText();
    }

    /** Submits the current attempt, lets the provider answer (a refusal) and waits for the retry to be recorded. */
    private JsonNode attemptFails(Session creator, String payoutId) {
        int before = payout(creator, payoutId).path("failedAttempts").asInt();
        sweeper.runDue(clock.instant());
        clock.advance(Duration.ofSeconds(10));
        sweeper.runDue(clock.instant());
        return await("attempt " + (before + 1) + " failed", () -> payout(creator, payoutId),
                view -> view.path("failedAttempts").asInt() == before + 1
                        && view.path("status").asText().equals("RETRYING"));
    }

    private JsonNode payout(Session creator, String payoutId) {
        Response response = get("/api/v1/creators/payouts/" + payoutId, creator.auth());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    private JsonNode payouts(Session creator) {
        return get("/api/v1/creators/payouts", creator.auth()).json().path("data");
    }

    private long events(Session creator, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE ?", Long.class, "wallet-" + creator.id(), "%." + type);
    }

    private CompletableFuture<Integer> sweep(CountDownLatch start) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return sweeper.runDue(clock.instant());
        });
    }

    private static String dailyPayoutId(UUID creator, Instant day) {
        return io.hyperx.kernel.Ids.deterministic("economy-payout", creator.toString(),
                "daily:USD:" + LocalDate.ofInstant(day, ZoneOffset.UTC)).toString();
    }
}
