package io.hyperx.app.subscription;

import io.hyperx.app.SharedAppContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.IsAccountSuspendedQuery;
import io.hyperx.subscription.application.DueJobSweeper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription flow over HTTP in simulator mode: creator and fan register, the creator publishes a tier, the
 * fan subscribes, and every payment outcome arrives as a signed webhook; renewals, dunning retries and the end of
 * grace come from the due-date table (moved to "now" here instead of waiting days). Same Spring context
 * configuration as the identity HTTP tests, so the context is shared.
 */
@SharedAppContext
class SubscriptionHttpIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DueJobSweeper sweeper;

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    SubscriptionScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new SubscriptionScenario(commands, queries, jdbc, sweeper);
    }

    @Test
    void aFanSubscribesFailsARenewalAndRecoversWhenARetrySucceeds() {
        String creator = register("creator");
        String fan = register("fan");
        String tier = publishedTier(creator, 900, null);
        assertThat(post("/api/v1/fans/payment-methods", fan, Map.of("paymentMethodId", "pm_card_visa")).status)
                .isEqualTo(201);

        Response subscribed = post("/api/v1/fans/subscriptions", fan, Map.of("tierId", tier),
                "Idempotency-Key", "subscribe-1");
        assertThat(subscribed.status).isEqualTo(201);
        assertThat(subscribed.json.path("status").asText()).isEqualTo("PENDING");
        assertThat(subscribed.json.path("price").path("amountMinor").asLong()).isEqualTo(900);
        String id = subscribed.json.path("id").asText();
        Response again = post("/api/v1/fans/subscriptions", fan, Map.of("tierId", tier),
                "Idempotency-Key", "subscribe-1");
        assertThat(again.json.path("id").asText()).isEqualTo(id);

        JsonNode firstPayment = subscribed.json.path("payment");
        if (firstPayment.path("status").asText().equals("requires_confirmation")) {
            assertThat(firstPayment.path("clientSecret").asText())
                    .startsWith(firstPayment.path("providerPaymentId").asText() + "_secret");
        }
        JsonNode active = awaitSubscription(fan, id, s -> s.path("status").asText().equals("ACTIVE"));
        JsonNode paid = get("/api/v1/fans/payments/" + firstPayment.path("id").asText(), fan).json;
        assertThat(paid.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(paid.path("purpose").asText()).isEqualTo("SUBSCRIPTION_INITIAL");
        assertThat(paid.path("providerPaymentId").asText()).startsWith("pi_sim_");
        assertThat(paid.has("clientSecret")).isFalse(); // only while the payment awaits confirmation
        assertThat(get("/api/v1/fans/payments/" + firstPayment.path("id").asText(), creator).status).isEqualTo(404);

        put("/api/v1/fans/subscriptions/" + id, fan, Map.of("paymentMethodId", "pm_card_chargeDeclined"));
        scenario.awaitJob(UUID.fromString(id), "RENEW");
        scenario.timeTravel(UUID.fromString(id), "RENEW", null);
        awaitSubscription(fan, id, s -> s.path("status").asText().equals("GRACE_PERIOD"));

        put("/api/v1/fans/subscriptions/" + id, fan, Map.of("paymentMethodId", "pm_card_visa"));
        scenario.awaitJob(UUID.fromString(id), "RETRY");
        scenario.timeTravel(UUID.fromString(id), "RETRY", 1);
        JsonNode recovered = awaitSubscription(fan, id, s -> s.path("status").asText().equals("ACTIVE")
                && Instant.parse(s.path("currentPeriodEnd").asText())
                .isAfter(Instant.parse(active.path("currentPeriodEnd").asText())));
        assertThat(recovered.has("graceEndsAt")).isFalse();

        Response subscribers = get("/api/v1/creators/subscribers?status=ACTIVE&size=10", creator);
        assertThat(subscribers.json.path("data").findValuesAsText("id")).containsExactly(id);
        assertThat(subscribers.json.path("meta").path("pagination").path("totalElements").asLong()).isEqualTo(1);
        Response payments = await("payment history", () -> get("/api/v1/fans/payments", fan),
                r -> r.json.path("data").size() == 3);
        assertThat(payments.json.path("data").findValuesAsText("status"))
                .containsExactlyInAnyOrder("SUCCEEDED", "FAILED", "SUCCEEDED");

        // a new price reaches the existing member only when the creator migrates them, and only at the renewal
        Map<String, Object> repriced = new LinkedHashMap<>(Map.of("name", "Tier 900", "price",
                Map.of("amountMinor", 1000, "currency", "USD"), "rank", 1, "published", true));
        assertThat(send("PUT", "/api/v1/creators/tiers/" + tier, creator, repriced).status).isEqualTo(200);
        await("new price visible", () -> get("/api/v1/public/creators/" + accountOf(creator)
                + "/tiers", null), r -> r.json.path("data").path(0).path("price").path("amountMinor").asLong() == 1000);
        assertThat(get("/api/v1/fans/subscriptions/" + id, fan).json.path("price").path("amountMinor").asLong())
                .isEqualTo(900);
        Response migrated = post("/api/v1/creators/tiers/" + tier + "/migrate-subscribers", creator, null);
        assertThat(migrated.json.path("migrated").asInt()).isEqualTo(1);
        scenario.timeTravel(UUID.fromString(id), "RENEW", null);
        awaitSubscription(fan, id, s -> s.path("price").path("amountMinor").asLong() == 1000
                && Instant.parse(s.path("currentPeriodEnd").asText())
                .isAfter(Instant.parse(recovered.path("currentPeriodEnd").asText())));
    }

    @Test
    void aRenewalTheFraudRulesBlockNeverReachesTheGatewayAndCountsAsAFailedRenewal() {
        String creator = register("creator");
        String fan = register("fan");
        String tier = publishedTier(creator, 500, null);
        String id = activeSubscription(fan, tier);
        String admin = adminToken();
        assertThat(post("/api/v1/admin/accounts/" + accountOf(creator) + "/suspend", admin, null).status)
                .isEqualTo(200);
        await("suspension known", () -> queries.query(new IsAccountSuspendedQuery(
                AccountId.of(accountOf(creator))), ResponseTypes.instanceOf(Boolean.class)).join(), Boolean.TRUE::equals);

        scenario.awaitJob(UUID.fromString(id), "RENEW");
        scenario.timeTravel(UUID.fromString(id), "RENEW", null);

        awaitSubscription(fan, id, s -> s.path("status").asText().equals("GRACE_PERIOD"));
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.PaymentInitiated'
                AND payload ->> 'purposeReference' = ?""", Long.class, id)).isEqualTo(1); // the initial one only
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.FraudSignalRaised'
                AND payload ->> 'purpose' = 'RENEWAL' AND payload ->> 'rule' = 'account_suspended'
                AND payload ->> 'payerId' = ?""", Long.class, accountOf(fan).toString())).isEqualTo(1);
    }

    @Test
    void aSubscriptionWhoseRetriesFailExpiresWhenGraceEnds() {
        String creator = register("creator");
        String fan = register("fan");
        String tier = publishedTier(creator, 500, null);
        String id = activeSubscription(fan, tier);

        put("/api/v1/fans/subscriptions/" + id, fan, Map.of("paymentMethodId", "pm_card_chargeDeclinedInsufficientFunds"));
        scenario.awaitJob(UUID.fromString(id), "RENEW");
        scenario.timeTravel(UUID.fromString(id), "RENEW", null);
        awaitSubscription(fan, id, s -> s.path("status").asText().equals("GRACE_PERIOD"));
        scenario.awaitJob(UUID.fromString(id), "END_GRACE");
        scenario.timeTravel(UUID.fromString(id), "RETRY", 1);
        scenario.timeTravel(UUID.fromString(id), "END_GRACE", null);

        awaitSubscription(fan, id, s -> s.path("status").asText().equals("EXPIRED"));
        assertThat(get("/api/v1/creators/subscribers?status=EXPIRED", creator).json.path("data")
                .findValuesAsText("id")).containsExactly(id);
    }

    @Test
    void subscribingIsRefusedWithStableProblemCodes() {
        String creator = register("creator");
        String fan = register("fan");
        String otherFan = register("fan");
        String tier = publishedTier(creator, 500, 1);
        String draft = tier(creator, 700, false, null);

        Response own = post("/api/v1/fans/subscriptions", creator, Map.of("tierId", tier, "paymentMethodId",
                "pm_card_visa"));
        assertThat(own.status).isEqualTo(422);
        assertThat(own.json.path("code").asText()).isEqualTo("own_tier");

        await("draft visible", () -> get("/api/v1/creators/tiers", creator),
                r -> r.json.path("data").size() == 2);
        Response unpublished = post("/api/v1/fans/subscriptions", fan, Map.of("tierId", draft, "paymentMethodId",
                "pm_card_visa"));
        assertThat(unpublished.status).isEqualTo(422);
        assertThat(unpublished.json.path("code").asText()).isEqualTo("tier_not_published");

        String first = post("/api/v1/fans/subscriptions", fan, Map.of("tierId", tier, "paymentMethodId",
                "pm_card_visa"), "Idempotency-Key", "first").json.path("id").asText();
        Response reused = post("/api/v1/fans/subscriptions", fan, Map.of("tierId", draft, "paymentMethodId",
                "pm_card_visa"), "Idempotency-Key", "first");
        assertThat(reused.status).isEqualTo(422);
        assertThat(reused.json.path("code").asText()).isEqualTo("idempotency_key_reused");
        awaitSubscription(fan, first, s -> s.path("status").asText().equals("ACTIVE"));

        Response second = post("/api/v1/fans/subscriptions", fan, Map.of("tierId", tier, "paymentMethodId",
                "pm_card_visa"));
        assertThat(second.status).isEqualTo(409);
        assertThat(second.json.path("code").asText()).isEqualTo("already_subscribed");

        Response full = post("/api/v1/fans/subscriptions", otherFan, Map.of("tierId", tier, "paymentMethodId",
                "pm_card_visa"));
        assertThat(full.status).isEqualTo(409);
        assertThat(full.json.path("code").asText()).isEqualTo("tier_full");

        assertThat(send("DELETE", "/api/v1/creators/tiers/" + tier, creator, null).status).isEqualTo(204);
        await("archived", () -> get("/api/v1/public/creators/" + accountOf(creator)
                + "/tiers", null), r -> r.json.path("data").isEmpty());
        Response archived = post("/api/v1/fans/subscriptions", otherFan, Map.of("tierId", tier, "paymentMethodId",
                "pm_card_visa"));
        assertThat(archived.status).isEqualTo(409);
        assertThat(archived.json.path("code").asText()).isEqualTo("tier_archived");
        // the member keeps the subscription of an archived tier
        assertThat(get("/api/v1/fans/subscriptions/" + first, fan).json.path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aFanCancelsResumesPausesAndUpgradesWithAProratedCharge() {
        String creator = register("creator");
        String fan = register("fan");
        String silver = publishedTier(creator, 1000, null);
        String gold = publishedTier(creator, 3000, null);
        String id = post("/api/v1/fans/subscriptions", fan, Map.of("tierId", silver, "paymentMethodId",
                "pm_card_visa")).json.path("id").asText();
        awaitSubscription(fan, id, s -> s.path("status").asText().equals("ACTIVE"));

        assertThat(post("/api/v1/fans/subscriptions/" + id + "/cancel", fan, null).status).isEqualTo(202);
        awaitSubscription(fan, id, s -> s.path("cancelAtPeriodEnd").asBoolean());
        assertThat(post("/api/v1/fans/subscriptions/" + id + "/resume", fan, null).status).isEqualTo(202);
        awaitSubscription(fan, id, s -> !s.path("cancelAtPeriodEnd").asBoolean());
        assertThat(post("/api/v1/fans/subscriptions/" + id + "/pause", fan, null).status).isEqualTo(202);
        awaitSubscription(fan, id, s -> s.path("status").asText().equals("PAUSED"));
        assertThat(post("/api/v1/fans/subscriptions/" + id + "/pause", fan, null).status).isEqualTo(202);
        assertThat(post("/api/v1/fans/subscriptions/" + id + "/unpause", fan, null).status).isEqualTo(202);
        awaitSubscription(fan, id, s -> s.path("status").asText().equals("ACTIVE"));
        assertThat(post("/api/v1/fans/subscriptions/" + UUID.randomUUID() + "/cancel", fan, null).status)
                .isEqualTo(404);

        put("/api/v1/fans/subscriptions/" + id, fan, Map.of("tierId", gold));
        awaitSubscription(fan, id, s -> s.path("tierId").asText().equals(gold)
                && s.path("price").path("amountMinor").asLong() == 3000);
        JsonNode proration = await("prorated charge paid", () -> get("/api/v1/fans/payments",
                fan).json.path("data"), data -> data.findValuesAsText("purpose").contains("PRORATION")
                && data.findValuesAsText("status").stream().allMatch("SUCCEEDED"::equals));
        long charged = 0;
        for (JsonNode payment : proration) {
            if (payment.path("purpose").asText().equals("PRORATION")) {
                charged = payment.path("amount").path("amountMinor").asLong();
            }
        }
        // 2000 more per month, charged for the (almost whole) rest of the period just begun
        assertThat(charged).isBetween(1990L, 2000L);
    }

    @Test
    void concurrentRequestsCannotOverfillATierOrSubscribeTwice() throws Exception {
        String creator = register("creator");
        String lastSeat = publishedTier(creator, 500, 1);
        List<String> fans = List.of(register("fan"), register("fan"), register("fan"), register("fan"));
        List<Integer> statuses = parallel(fans.stream().map(fan -> (java.util.concurrent.Callable<Integer>) () ->
                post("/api/v1/fans/subscriptions", fan, Map.of("tierId", lastSeat, "paymentMethodId",
                        "pm_card_visa")).status).toList());
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);

        String open = publishedTier(creator, 700, null);
        String fan = register("fan");
        List<Integer> sameFan = parallel(List.of(
                () -> post("/api/v1/fans/subscriptions", fan, Map.of("tierId", open, "paymentMethodId",
                        "pm_card_visa"), "Idempotency-Key", "a").status,
                () -> post("/api/v1/fans/subscriptions", fan, Map.of("tierId", open, "paymentMethodId",
                        "pm_card_visa"), "Idempotency-Key", "b").status));
        assertThat(sameFan).containsExactlyInAnyOrder(201, 409);
    }

    @Test
    void aFanGetsOneFreeTrialPerCreator() {
        String creator = register("creator");
        String otherCreator = register("creator");
        String fan = register("fan");
        String monthly = trialTier(creator, 800, 14);
        String annual = trialTier(creator, 8000, 30);
        String elsewhere = trialTier(otherCreator, 500, 7);

        String first = post("/api/v1/fans/subscriptions", fan, Map.of("tierId", monthly, "paymentMethodId",
                "pm_card_visa")).json.path("id").asText();
        awaitSubscription(fan, first, s -> s.path("status").asText().equals("TRIALING"));
        assertThat(post("/api/v1/fans/subscriptions/" + first + "/cancel", fan, null).status).isEqualTo(202);
        scenario.awaitJob(UUID.fromString(first), "RENEW");
        scenario.timeTravel(UUID.fromString(first), "RENEW", null);
        awaitSubscription(fan, first, s -> s.path("status").asText().equals("CANCELLED"));
        await("seat released", () -> jdbc.queryForObject(
                "SELECT count(*) FROM subscription.seat WHERE subscription_id = ?", Long.class,
                UUID.fromString(first)), count -> count == 0);

        for (String tier : List.of(monthly, annual)) {
            Response again = post("/api/v1/fans/subscriptions", fan, Map.of("tierId", tier, "paymentMethodId",
                    "pm_card_visa"));
            assertThat(again.status).isEqualTo(422);
            assertThat(again.json.path("code").asText()).isEqualTo("trial_already_used");
        }
        assertThat(post("/api/v1/fans/subscriptions", fan, Map.of("tierId", elsewhere, "paymentMethodId",
                "pm_card_visa")).status).isEqualTo(201);
    }

    @Test
    void concurrentTrialsOfTwoTiersOfOneCreatorStartOnlyOne() throws Exception {
        String creator = register("creator");
        String fan = register("fan");
        List<String> tiers = List.of(trialTier(creator, 800, 14), trialTier(creator, 1200, 14));
        List<Integer> statuses = parallel(tiers.stream().map(tier -> (java.util.concurrent.Callable<Integer>) () ->
                post("/api/v1/fans/subscriptions", fan, Map.of("tierId", tier, "paymentMethodId",
                        "pm_card_visa")).status).toList());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    }

    private String trialTier(String creator, long price, int trialDays) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Trial " + price);
        body.put("price", Map.of("amountMinor", price, "currency", "USD"));
        body.put("interval", "MONTHLY");
        body.put("published", true);
        body.put("trialDays", trialDays);
        Response created = post("/api/v1/creators/tiers", creator, body);
        assertThat(created.status).isEqualTo(201);
        String id = created.json.path("id").asText();
        await("tier published", () -> get("/api/v1/public/creators/" + accountOf(creator)
                + "/tiers", null), r -> r.json.path("data").findValuesAsText("id").contains(id));
        return id;
    }

    private static <T> List<T> parallel(List<java.util.concurrent.Callable<T>> calls) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(calls.size());
        try {
            List<T> results = new ArrayList<>();
            for (java.util.concurrent.Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void nobodySubscribesToASuspendedCreator() {
        String creator = register("creator");
        String fan = register("fan");
        String tier = publishedTier(creator, 500, null);
        String admin = adminToken();
        assertThat(post("/api/v1/admin/accounts/" + accountOf(creator) + "/suspend", admin, null).status)
                .isEqualTo(200);

        await("suspension known", () -> queries.query(new IsAccountSuspendedQuery(
                AccountId.of(accountOf(creator))), ResponseTypes.instanceOf(Boolean.class)).join(), Boolean.TRUE::equals);

        Response refused = post("/api/v1/fans/subscriptions", fan, Map.of("tierId", tier,
                "paymentMethodId", "pm_card_visa"));
        assertThat(refused.status).isEqualTo(403);
        assertThat(refused.json.path("code").asText()).isEqualTo("account_suspended");
    }

    @Test
    void inSimulatorModeAnAdminSkipsAheadAndHasStripeReportRefundsAndDisputes() {
        String creator = register("creator");
        String fan = register("fan");
        String tier = publishedTier(creator, 2000, null);
        Response subscribed = post("/api/v1/fans/subscriptions", fan, Map.of("tierId", tier,
                "paymentMethodId", "pm_card_visa"));
        String id = subscribed.json.path("id").asText();
        String payment = subscribed.json.path("payment").path("id").asText();
        JsonNode active = awaitSubscription(fan, id, s -> s.path("status").asText().equals("ACTIVE"));
        String admin = adminToken();

        assertThat(post("/api/v1/dev/simulator/subscriptions/" + id + "/renew", fan, null).status).isEqualTo(403);
        scenario.awaitJob(UUID.fromString(id), "RENEW");
        Response renewed = post("/api/v1/dev/simulator/subscriptions/" + id + "/renew", admin, null);
        assertThat(renewed.status).isEqualTo(200);
        awaitSubscription(fan, id, s -> Instant.parse(s.path("currentPeriodEnd").asText())
                .isAfter(Instant.parse(active.path("currentPeriodEnd").asText())));

        assertThat(post("/api/v1/dev/simulator/payments/" + payment + "/refund", admin,
                Map.of("amountMinor", 500)).status).isEqualTo(202);
        await("refund reported by signed webhook", () -> get("/api/v1/fans/payments/" + payment,
                fan).json, p -> p.path("status").asText().equals("PARTIALLY_REFUNDED")
                && p.path("refunded").path("amountMinor").asLong() == 500);
        assertThat(post("/api/v1/dev/simulator/payments/" + payment + "/dispute", admin,
                Map.of("reason", "product_not_received")).status).isEqualTo(202);
        await("dispute reported", () -> scenario.eventCount(payment, "DisputeReported"),
                count -> count == 1);
    }

    @Test
    void endpointsNeedTheirCapabilities() {
        String fan = register("fan");
        assertThat(get("/api/v1/fans/subscriptions", null).status).isEqualTo(401);
        assertThat(post("/api/v1/creators/tiers", fan, Map.of("name", "x")).status).isEqualTo(403);
        assertThat(get("/api/v1/fans/subscriptions", fan).json.path("meta").path("pagination").has("totalElements"))
                .isTrue();
    }

    @Test
    void reconcilingSubscriptionsMarksAndReportsTheOnesWhoseJobsOrPaymentsDisagreeWithTheirState() {
        String creator = register("creator");
        String tier = publishedTier(creator, 500, null);
        String healthy = activeSubscription(register("fan"), tier);
        String unscheduled = activeSubscription(register("fan"), tier);
        String stuck = activeSubscription(register("fan"), tier);
        scenario.awaitJob(UUID.fromString(healthy), "RENEW");
        scenario.awaitJob(UUID.fromString(unscheduled), "RENEW");
        // settled long ago, so the checks that leave room for asynchronous reactions apply to all three
        jdbc.update("UPDATE subscription.subscription_view SET updated_at = now() - interval '1 hour' "
                + "WHERE id IN (?, ?, ?)", UUID.fromString(healthy), UUID.fromString(unscheduled),
                UUID.fromString(stuck));
        jdbc.update("UPDATE subscription.payment_view SET updated_at = now() - interval '1 hour' "
                + "WHERE purpose_reference IN (?, ?, ?)", UUID.fromString(healthy), UUID.fromString(unscheduled),
                UUID.fromString(stuck));
        Map<String, Object> renewal = jdbc.queryForMap("SELECT * FROM subscription.scheduled_job "
                + "WHERE subscription_id = ? AND kind = 'RENEW' AND done_at IS NULL", UUID.fromString(unscheduled));
        jdbc.update("DELETE FROM subscription.scheduled_job WHERE job_id = ?", renewal.get("job_id"));
        jdbc.update("UPDATE subscription.subscription_view SET current_period_end = now() - interval '2 days' "
                + "WHERE id = ?", UUID.fromString(unscheduled));
        jdbc.update("UPDATE subscription.subscription_view SET status = 'PENDING' WHERE id = ?",
                UUID.fromString(stuck));
        String admin = adminToken();

        assertThat(post("/api/v1/ops/reconcile/subscriptions", creator, null).status).isEqualTo(403);
        Response report = post("/api/v1/ops/reconcile/subscriptions", admin, null);
        assertThat(report.status).isEqualTo(200);
        assertThat(report.json.path("subscriptionsChecked").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(findingsOf(report.json, healthy)).isEmpty();
        assertThat(findingsOf(report.json, unscheduled)).containsExactly("renewal_not_scheduled", "renewal_overdue");
        assertThat(findingsOf(report.json, stuck)).containsExactly("paid_but_pending");
        assertThat(jdbc.queryForList("SELECT finding FROM subscription.reconciliation_finding "
                + "WHERE subscription_id = ? AND resolved_at IS NULL ORDER BY finding", String.class,
                UUID.fromString(unscheduled))).containsExactly("renewal_not_scheduled", "renewal_overdue");

        jdbc.update("""
                INSERT INTO subscription.scheduled_job (job_id, kind, subscription_id, due_at, payload)
                VALUES (?, 'RENEW', ?, ?, CAST(? AS jsonb))""", renewal.get("job_id"), renewal.get("subscription_id"),
                renewal.get("due_at"), renewal.get("payload").toString());
        jdbc.update("UPDATE subscription.subscription_view SET current_period_end = ? WHERE id = ?",
                renewal.get("due_at"), UUID.fromString(unscheduled));
        Response again = post("/api/v1/ops/reconcile/subscriptions", admin, null);
        assertThat(findingsOf(again.json, unscheduled)).isEmpty();
        assertThat(findingsOf(again.json, stuck)).containsExactly("paid_but_pending");
        assertThat(again.json.path("resolved").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subscription.reconciliation_finding "
                + "WHERE subscription_id = ? AND resolved_at IS NOT NULL", Long.class, UUID.fromString(unscheduled)))
                .isEqualTo(2);
    }

    // --- helpers -------------------------------------------------------------------------------------------------
    private String activeSubscription(String fan, String tier) {
        Response subscribed = post("/api/v1/fans/subscriptions", fan,
                Map.of("tierId", tier, "paymentMethodId", "pm_card_visa"),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(subscribed.status).isEqualTo(201);
        String id = subscribed.json.path("id").asText();
        awaitSubscription(fan, id, s -> s.path("status").asText().equals("ACTIVE"));
        return id;
    }

    private static List<String> findingsOf(JsonNode report, String subscriptionId) {
        List<String> findings = new ArrayList<>();
        report.path("findings").forEach(finding -> {
            if (finding.path("subscriptionId").asText().equals(subscriptionId)) {
                findings.add(finding.path("finding").asText());
            }
        });
        return findings;
    }

    private String adminToken() {
        Response login = post("/api/v1/auth/login", null, Map.of("email", "admin@hyperx.test",
                "password", "Admin-Passw0rd-For-Tests"));
        assertThat(login.status).isEqualTo(200);
        return login.json.path("accessToken").asText();
    }


    private String publishedTier(String creator, long price, Integer memberLimit) {
        String id = tier(creator, price, true, memberLimit);
        await("tier published", () -> get("/api/v1/public/creators/" + accountOf(creator)
                + "/tiers", null), r -> r.json.path("data").findValuesAsText("id").contains(id));
        return id;
    }

    private String tier(String creator, long price, boolean published, Integer memberLimit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Tier " + price);
        body.put("description", "Monthly posts");
        body.put("price", Map.of("amountMinor", price, "currency", "USD"));
        body.put("interval", "MONTHLY");
        body.put("benefits", List.of("posts"));
        body.put("rank", 1);
        body.put("published", published);
        body.put("memberLimit", memberLimit);
        Response created = post("/api/v1/creators/tiers", creator, body);
        assertThat(created.status).isEqualTo(201);
        assertThat(created.headers.firstValue("Location")).isPresent();
        return created.json.path("id").asText();
    }

    private JsonNode awaitSubscription(String fan, String id, Predicate<JsonNode> condition) {
        return await("subscription " + id, () -> get("/api/v1/fans/subscriptions/" + id, fan),
                r -> r.status == 200 && condition.test(r.json)).json;
    }

    private final Map<String, String> accounts = new LinkedHashMap<>();

    /** Registers an account and answers its access token. */
    private String register(String role) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Response registered = post("/api/v1/auth/register", null, Map.of("email", email,
                "password", "correct horse battery staple", "displayName", "Test " + role, "role", role));
        assertThat(registered.status).isEqualTo(201);
        String token = registered.json.path("accessToken").asText();
        accounts.put(token, registered.json.path("id").asText());
        return token;
    }

    private String accountOf(String token) {
        return accounts.get(token);
    }

    record Response(int status, java.net.http.HttpHeaders headers, JsonNode json) {
    }

    private Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    private Response post(String path, String token, Object body, String... headers) {
        return send("POST", path, token, body, headers);
    }

    private Response put(String path, String token, Object body) {
        Response response = send("PUT", path, token, body);
        assertThat(response.status).isEqualTo(202);
        return response;
    }

    private Response send(String method, String path, String token, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("X-Forwarded-For", randomIp());
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isBlank() ? JSON.missingNode()
                    : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

}
