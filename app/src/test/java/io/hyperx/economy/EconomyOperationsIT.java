package io.hyperx.economy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperx.app.projections.ProjectionReplay;
import io.hyperx.economy.api.RecordPaymentCreditCommand;
import io.hyperx.economy.api.RecordRefundDebitCommand;
import io.hyperx.economy.api.WalletId;
import io.hyperx.economy.application.EconomyConfiguration;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.BillingInterval;
import io.hyperx.subscription.api.CreateTierCommand;
import io.hyperx.subscription.api.FindTierQuery;
import io.hyperx.subscription.api.RefundPaymentCommand;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.api.TierView;
import io.hyperx.subscription.application.SubscribeToTier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Refunds, idempotency, tips and fraud rules, reconciliation, health checks and replay, against the running app. */
class EconomyOperationsIT extends EconomyHttpSupport {

    static final String WALLET_AND_PAYMENT_EVENTS = """
            SELECT count(*) FROM domain_event_entry
            WHERE aggregate_identifier LIKE 'wallet-%' OR payload_type LIKE '%.PaymentInitiated'""";

    @Autowired
    ProjectionReplay replay;

    @Autowired
    QueryGateway queries;

    @Autowired
    SubscribeToTier subscribeToTier;

    long walletEvents(UUID creator, String type) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?""",
                Long.class, WalletId.of(creator).toString(), "%." + type);
    }

    @Test
    void refundsComeOutOfPendingDuringTheHoldAndOutOfAvailableAfterItAndRedeliveryMovesNothingTwice() {
        Session creator = register("creator");
        PaymentId payment = pay(UUID.randomUUID(), creator.id(), 10_000);
        awaitBalance(creator, b -> minor(b, "pending") == 9_080, "net in pending");

        // the same payment credited again (as a redelivered PaymentSucceeded would): still one entry
        commands.sendAndWait(new RecordPaymentCreditCommand(WalletId.of(creator.id()), payment,
                PaymentPurpose.PRODUCT_PURCHASE, UUID.randomUUID(), UUID.randomUUID(), usd(10_000), null,
                clock.instant()));
        assertThat(walletEvents(creator.id(), "PaymentCredited")).isEqualTo(1);

        UUID firstRefund = UUID.randomUUID();
        commands.sendAndWait(new RefundPaymentCommand(payment, firstRefund, usd(5_000), clock.instant()));
        JsonNode halfRefunded = awaitBalance(creator, b -> minor(b, "pending") == 4_540, "half reversed from pending");
        assertThat(minor(halfRefunded, "lifetimeGross")).isEqualTo(5_000);
        assertThat(minor(halfRefunded, "lifetimeNet")).isEqualTo(4_540);
        commands.sendAndWait(new RecordRefundDebitCommand(WalletId.of(creator.id()), payment, firstRefund,
                usd(5_000), usd(5_000), clock.instant()));
        assertThat(walletEvents(creator.id(), "RefundDebited")).isEqualTo(1);

        awaitJob(creator.id(), "RELEASE_HOLD");
        sweeper.runDue(clock.instant().plus(Duration.ofDays(8)));
        awaitBalance(creator, b -> minor(b, "available") == 4_540 && minor(b, "pending") == 0, "rest released");

        commands.sendAndWait(new RefundPaymentCommand(payment, UUID.randomUUID(), usd(5_000), clock.instant()));
        JsonNode refunded = awaitBalance(creator, b -> minor(b, "available") == 0, "rest reversed from available");
        assertThat(minor(refunded, "pending")).isZero();
        assertThat(minor(refunded, "lifetimeGross")).isZero();
        assertThat(minor(refunded, "lifetimeNet")).isZero();
        // the whole payment reversed: every platform account is back where it started for this payment
        Long platformNet = jdbc.queryForObject("""
                SELECT coalesce(sum(CASE WHEN side = 'CREDIT' THEN amount_minor ELSE -amount_minor END), 0)
                FROM economy.posting WHERE creator_id = ? AND account IN ('platform:fees', 'platform:charity',
                                                                          'processor:fees')""",
                Long.class, creator.id());
        assertThat(platformNet).isZero();
    }

    @Test
    void aRefundAfterTheHoldReleasedOnAnEmptyWalletIsOwedThroughTheReceivableAndLaterEarningsRepayIt()
            throws Exception {
        Session creator = register("creator");
        registerBank(creator);
        PaymentId payment = pay(UUID.randomUUID(), creator.id(), 10_000);
        awaitBalance(creator, b -> minor(b, "pending") == 9_080, "net in pending");
        awaitJob(creator.id(), "RELEASE_HOLD");
        sweeper.runDue(clock.instant().plus(Duration.ofDays(8)));
        awaitBalance(creator, b -> minor(b, "available") == 9_080, "hold released");
        Response payout = post("/api/v1/creators/payouts", body("amount", money(9_080)),
                creator.auth("Idempotency-Key", "all-of-it"));
        assertThat(payout.status()).as(payout.raw()).isEqualTo(201);
        awaitBalance(creator, b -> minor(b, "available") == 0, "everything paid out");

        commands.sendAndWait(new RefundPaymentCommand(payment, UUID.randomUUID(), usd(10_000), clock.instant()));
        JsonNode owed = awaitBalance(creator, b -> minor(b, "receivable") == 9_080, "refund owed");
        assertThat(minor(owed, "available")).isZero();
        assertThat(minor(owed, "lifetimeNet")).isZero();
        assertThat(creatorViolations("economy_negative_available_violations", creator.id())).isZero();
        assertThat(creatorViolations("economy_wallet_drift_violations", creator.id())).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM health.economy_unbalanced_entry_violations v
                JOIN economy.journal_entry e ON e.entry_id::text = v.id WHERE e.creator_id = ?""",
                Long.class, creator.id())).isZero();

        // the next earnings repay the receivable before anything becomes available: 45.25 of 90.80, then the rest
        pay(UUID.randomUUID(), creator.id(), 5_000);
        awaitBalance(creator, b -> minor(b, "pending") == 4_525, "next net in pending");
        awaitJob(creator.id(), "RELEASE_HOLD");
        sweeper.runDue(clock.instant().plus(Duration.ofDays(8)));
        JsonNode partlyRepaid = awaitBalance(creator, b -> minor(b, "receivable") == 4_555, "partly repaid");
        assertThat(minor(partlyRepaid, "available")).isZero();
        pay(UUID.randomUUID(), creator.id(), 10_000);
        awaitBalance(creator, b -> minor(b, "pending") == 9_080, "third net in pending");
        awaitJob(creator.id(), "RELEASE_HOLD");
        sweeper.runDue(clock.instant().plus(Duration.ofDays(8)));
        JsonNode repaid = awaitBalance(creator, b -> minor(b, "receivable") == 0 && minor(b, "pending") == 0,
                "repaid");
        assertThat(minor(repaid, "available")).isEqualTo(9_080 - 4_555);
        assertThat(minor(usdBalance(creator, clock.instant().plus(Duration.ofDays(30))), "receivable")).isZero();
        assertThat(creatorViolations("economy_negative_available_violations", creator.id())).isZero();
        assertThat(creatorViolations("economy_wallet_drift_violations", creator.id())).isZero();

        List<Map<String, Object>> before = snapshot();
        replay.replay(EconomyConfiguration.PROCESSING_GROUP, progress -> { });
        assertThat(snapshot()).isEqualTo(before);
    }

    private long creatorViolations(String view, UUID creator) {
        return jdbc.queryForObject("SELECT count(*) FROM health." + view + " WHERE id LIKE ?", Long.class,
                creator + "/%");
    }

    @Test
    void tipsStartATipPaymentAreSplitLikeAnyPaymentAndHideAnonymousFans() {
        Session creator = register("creator");
        Session fan = register("fan");
        Map<String, Object> tip = body("creatorId", creator.id(), "amount", money(500), "message", "thanks!",
                "anonymous", true, "paymentMethodId", "pm_card_visa");
        Response sent = post("/api/v1/fans/tips", tip, fan.auth("Idempotency-Key", "tip-1"));
        assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
        Response again = post("/api/v1/fans/tips", tip, fan.auth("Idempotency-Key", "tip-1"));
        assertThat(again.json().path("id").asText()).isEqualTo(sent.json().path("id").asText());
        Response reused = post("/api/v1/fans/tips", body("creatorId", creator.id(), "amount", money(700),
                "paymentMethodId", "pm_card_visa"), fan.auth("Idempotency-Key", "tip-1"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("idempotency_key_reused");

        // 5.00: processor 0.45 (2.9% + 0.30), platform 0.25, charity 0.05, net 4.25
        JsonNode balance = awaitBalance(creator, b -> minor(b, "pending") == 425, "tip credited");
        assertThat(minor(balance, "lifetimeGross")).isEqualTo(500);

        JsonNode history = await("tip succeeded", () -> get("/api/v1/fans/tips/history", fan.auth()).json(),
                json -> json.path("data").size() == 1
                        && json.path("data").get(0).path("status").asText().equals("SUCCEEDED"));
        assertThat(history.path("data").get(0).path("fanId").asText()).isEqualTo(fan.id().toString());
        JsonNode received = get("/api/v1/creators/tips", creator.auth()).json().path("data");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("anonymous").asBoolean()).isTrue();
        assertThat(received.get(0).has("fanId")).isFalse();
        assertThat(received.get(0).path("message").asText()).isEqualTo("thanks!");

        Response tooSmall = post("/api/v1/fans/tips", body("creatorId", creator.id(), "amount", money(99),
                "paymentMethodId", "pm_card_visa"), fan.auth("Idempotency-Key", "tip-small"));
        assertThat(tooSmall.status()).isEqualTo(422);
        assertThat(tooSmall.code()).isEqualTo("invalid_tip_amount");
    }

    @Test
    void aTipCanNameTheCreatorByTheSlugOfTheirPublicPage() {
        Session creator = register("creator");
        Session fan = register("fan");
        String slug = "tipjar-" + UUID.randomUUID().toString().substring(0, 8);
        Response profile = put("/api/v1/creators/profile", body("slug", slug, "displayName", "Tip jar",
                "published", true), creator.auth());
        assertThat(profile.status()).as(profile.raw()).isEqualTo(200);

        Response sent = post("/api/v1/fans/tips", body("creatorSlug", slug, "amount", money(300),
                "paymentMethodId", "pm_card_visa"), fan.auth("Idempotency-Key", "tip-by-slug"));
        assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
        assertThat(sent.json().path("creatorId").asText()).isEqualTo(creator.id().toString());
        awaitBalance(creator, b -> minor(b, "lifetimeGross") == 300, "tip by slug credited");

        Response unknown = post("/api/v1/fans/tips", body("creatorSlug", "no-such-" + slug, "amount", money(300),
                "paymentMethodId", "pm_card_visa"), fan.auth("Idempotency-Key", "tip-unknown-slug"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("creator_not_found");
        Response nobody = post("/api/v1/fans/tips", body("amount", money(300), "paymentMethodId", "pm_card_visa"),
                fan.auth("Idempotency-Key", "tip-nobody"));
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.code()).isEqualTo("creator_required");
    }

    @Test
    void fraudRulesBlockPayingOneselfAndFlagLargePaymentsAsSignalsAdminsCanList() {
        Session creator = register("creator");
        Response self = post("/api/v1/fans/tips", body("creatorId", creator.id(), "amount", money(1_000),
                "paymentMethodId", "pm_card_visa"), creator.auth("Idempotency-Key", "self"));
        assertThat(self.status()).as(self.raw()).isEqualTo(403);
        assertThat(self.code()).isEqualTo("self_payment");

        Session fan = register("fan");
        Response large = post("/api/v1/fans/tips", body("creatorId", creator.id(), "amount", money(60_000),
                "paymentMethodId", "pm_card_visa"), fan.auth("Idempotency-Key", "large"));
        assertThat(large.status()).as(large.raw()).isEqualTo(201);

        Session admin = admin();
        JsonNode signals = await("signals listed", () -> get("/api/v1/admin/fraud-signals?size=100", admin.auth())
                .json().path("data"), data -> {
            boolean selfSeen = false;
            boolean largeSeen = false;
            for (JsonNode signal : data) {
                selfSeen |= signal.path("payerId").asText().equals(creator.id().toString())
                        && signal.path("rule").asText().equals("self_payment");
                largeSeen |= signal.path("payerId").asText().equals(fan.id().toString())
                        && signal.path("rule").asText().equals("large_payment");
            }
            return selfSeen && largeSeen;
        });
        for (JsonNode signal : signals) {
            if (signal.path("rule").asText().equals("self_payment")) {
                assertThat(signal.path("severity").asText()).isEqualTo("CRITICAL");
                assertThat(signal.path("blocked").asBoolean()).isTrue();
            }
            if (signal.path("rule").asText().equals("large_payment")) {
                assertThat(signal.path("severity").asText()).isEqualTo("MEDIUM");
                assertThat(signal.path("blocked").asBoolean()).isFalse();
            }
        }
        // a subscription is checked by the same rules through subscription.api's AssessPaymentRiskQuery
        TierId gold = TierId.random();
        commands.sendAndWait(new CreateTierCommand(gold, creator.id(), "Gold", "Everything", usd(60_000),
                BillingInterval.MONTHLY, List.of("posts"), 1, true, null, 0));
        await("tier visible", () -> queries.query(new FindTierQuery(gold.value()),
                ResponseTypes.instanceOf(TierView.class)).join(), view -> view != null);
        Session subscriber = register("fan");
        SubscribeToTier.Started started = subscribeToTier.subscribe(subscriber.id(), gold, "pm_card_visa",
                "large-subscription");
        await("subscription signal", () -> get("/api/v1/admin/fraud-signals?size=100", admin.auth()).json()
                .path("data"), data -> {
            for (JsonNode signal : data) {
                if (signal.path("payerId").asText().equals(subscriber.id().toString())
                        && signal.path("purpose").asText().equals("SUBSCRIPTION_INITIAL")
                        && signal.path("reference").asText().equals(started.subscriptionId().value().toString())) {
                    return signal.path("rule").asText().equals("large_payment");
                }
            }
            return false;
        });

        // the blocked tip never became a payment
        assertThat(jdbc.queryForObject("SELECT count(*) FROM economy.payer_payment WHERE payer_id = ?", Long.class,
                creator.id())).isZero();
        assertThat(get("/api/v1/admin/fraud-signals", fan.auth()).status()).isEqualTo(403);
    }

    @Test
    void aPurchaseFromASuspendedCreatorIsBlockedBeforeTheGatewayWith403() {
        Session creator = register("creator");
        Session fan = register("fan");
        Response product = post("/api/v1/creators/products", body("title", "Presets", "description", "Presets",
                "type", "DOWNLOAD", "price", money(1_200)), creator.auth());
        assertThat(product.status()).as(product.raw()).isEqualTo(201);
        String productId = product.json().path("id").asText();
        assertThat(post("/api/v1/creators/products/" + productId + "/publish", null, creator.auth()).status())
                .isEqualTo(202);
        await("product on sale", () -> get("/api/v1/public/creators/" + creator.id() + "/products").json(),
                json -> json.path("data").findValuesAsText("id").contains(productId));
        Session admin = admin();
        Response suspended = post("/api/v1/admin/accounts/" + creator.id() + "/suspend", null, admin.auth());
        assertThat(suspended.status()).as(suspended.raw()).isEqualTo(200);
        await("suspension known", () -> queries.query(new io.hyperx.identity.api.IsAccountSuspendedQuery(
                new io.hyperx.identity.api.AccountId(creator.id())), ResponseTypes.instanceOf(Boolean.class)).join(),
                Boolean.TRUE::equals);

        Response bought = post("/api/v1/fans/purchases", body("productId", productId, "paymentMethodId",
                "pm_card_visa"), fan.auth("Idempotency-Key", "blocked-buy"));

        assertThat(bought.status()).as(bought.raw()).isEqualTo(403);
        assertThat(bought.code()).isEqualTo("account_suspended");
        await("blocked purchase signal", () -> get("/api/v1/admin/fraud-signals?size=100", admin.auth()).json()
                .path("data"), data -> {
            for (JsonNode signal : data) {
                if (signal.path("payerId").asText().equals(fan.id().toString())) {
                    return signal.path("purpose").asText().equals("PRODUCT_PURCHASE")
                            && signal.path("blocked").asBoolean()
                            && signal.path("severity").asText().equals("CRITICAL");
                }
            }
            return false;
        });
        // no payment was started for it
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE"
                + " '%.PaymentInitiated' AND payload ->> 'payerId' = ?", Long.class, fan.id().toString())).isZero();
    }

    @Test
    void reconciliationFindsAndRepairsACorruptedWalletAndASecondRunFindsNothing() {
        Session creator = register("creator");
        pay(UUID.randomUUID(), creator.id(), 2_000);
        awaitBalance(creator, b -> minor(b, "lifetimeGross") == 2_000, "payment credited");
        Session admin = admin();

        jdbc.update("UPDATE economy.wallet SET pending_minor = pending_minor + 777 WHERE creator_id = ?",
                creator.id());
        assertThat(violations("economy_wallet_drift")).contains(creator.id() + "/USD");

        Response first = post("/api/v1/ops/reconcile/wallets/" + creator.id(), null, admin.auth());
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.json().path("repaired").asInt()).isEqualTo(1);
        JsonNode discrepancy = first.json().path("discrepancies").get(0);
        assertThat(discrepancy.path("wallet").path("pending").asLong() - discrepancy.path("ledger").path("pending")
                .asLong()).isEqualTo(777);
        Response second = post("/api/v1/ops/reconcile/wallets/" + creator.id(), null, admin.auth());
        assertThat(second.json().path("repaired").asInt()).isZero();
        assertThat(violations("economy_wallet_drift")).doesNotContain(creator.id() + "/USD");
        assertThat(minor(usdBalance(creator, null), "pending")).isEqualTo(minor(usdBalance(creator,
                clock.instant().plusSeconds(1)), "pending"));

        // a wallet row with no ledger behind it, negative: both checks see it; reconciling everything removes it
        UUID ghost = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO economy.wallet (creator_id, currency, available_minor, updated_at)
                VALUES (?, 'USD', -500, now())""", ghost);
        assertThat(violations("economy_negative_available")).contains(ghost + "/USD");
        Response all = post("/api/v1/ops/reconcile/wallets", null, admin.auth());
        assertThat(all.json().path("repaired").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(violations("economy_negative_available")).doesNotContain(ghost + "/USD");
        assertThat(post("/api/v1/ops/reconcile/wallets", null, admin.auth()).json().path("repaired").asInt())
                .isZero();
        assertThat(post("/api/v1/ops/reconcile/wallets", null, creator.auth()).status()).isEqualTo(403);
    }

    @Test
    void healthChecksSeeAnUnbalancedEntryAndASucceededPaymentMissingFromTheLedger() {
        UUID entry = UUID.randomUUID();
        UUID creator = UUID.randomUUID();
        assertThat(passing("economy_unbalanced_entries")).isTrue();
        jdbc.update("""
                INSERT INTO economy.journal_entry (entry_id, creator_id, kind, wallet_seq, occurred_at, currency)
                VALUES (?, ?, 'payment', 0, now(), 'USD')""", entry, creator);
        jdbc.update("""
                INSERT INTO economy.posting (entry_id, line_no, creator_id, account, side, currency, amount_minor,
                                             occurred_at, wallet_seq)
                VALUES (?, 0, ?, 'gateway:clearing', 'DEBIT', 'USD', 100, now(), 0),
                       (?, 1, ?, 'platform:fees', 'CREDIT', 'USD', 99, now(), 0)""", entry, creator, entry, creator);
        try {
            assertThat(violations("economy_unbalanced_entries")).contains(entry.toString());
            assertThat(passing("economy_unbalanced_entries")).isFalse();
        } finally {
            jdbc.update("DELETE FROM economy.journal_entry WHERE entry_id = ?", entry);
        }
        assertThat(passing("economy_unbalanced_entries")).isTrue();

        // a real payment whose ledger entry is hidden, with no grace period: the check names it
        Session paid = register("creator");
        PaymentId payment = pay(UUID.randomUUID(), paid.id(), 1_500);
        awaitBalance(paid, b -> minor(b, "lifetimeGross") == 1_500, "payment credited");
        jdbc.update("UPDATE economy.health_settings SET unledgered_grace_seconds = 0");
        try {
            assertThat(violations("economy_unledgered_payments")).doesNotContain(payment.toString());
            jdbc.update("UPDATE economy.journal_entry SET kind = 'hidden' WHERE payment_id = ? AND kind = 'payment'",
                    payment.value());
            assertThat(violations("economy_unledgered_payments")).contains(payment.toString());
        } finally {
            jdbc.update("UPDATE economy.journal_entry SET kind = 'payment' WHERE payment_id = ? AND kind = 'hidden'",
                    payment.value());
            jdbc.update("UPDATE economy.health_settings SET unledgered_grace_seconds = 300");
        }
    }

    @Test
    void anOverdueJobThatFailsIsPostponedFromNowAndNotClaimedAgainInTheSameSweep() {
        UUID job = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.update("""
                INSERT INTO economy.scheduled_job (job_id, kind, creator_id, due_at, payload)
                VALUES (?, 'NO_SUCH_KIND', ?, ?, '{}'::jsonb)""", job, UUID.randomUUID(),
                Timestamp.from(now.minus(Duration.ofDays(1))));
        try {
            sweeper.runDue(now);

            Map<String, Object> row = jdbc.queryForMap(
                    "SELECT failures, due_at FROM economy.scheduled_job WHERE job_id = ?", job);
            assertThat(row.get("failures")).isEqualTo(1);
            assertThat(((Timestamp) row.get("due_at")).toInstant()).isAfterOrEqualTo(now.plus(Duration.ofMinutes(1)));
        } finally {
            jdbc.update("DELETE FROM economy.scheduled_job WHERE job_id = ?", job);
        }
    }

    @Test
    void economyProjectionsRebuiltByReplayEqualTheLiveRowsAndSendNoCommands() throws Exception {
        Session creator = register("creator");
        pay(UUID.randomUUID(), creator.id(), 3_000);
        awaitBalance(creator, b -> minor(b, "lifetimeGross") == 3_000, "payment credited");
        assertThat(put("/api/v1/creators/payouts/settings", body("dailyAutoPayout", true, "minimum", money(2_500)),
                creator.auth()).status()).isEqualTo(200);
        await("settings projected", () -> jdbc.queryForObject(
                "SELECT count(*) FROM economy.payout_settings WHERE creator_id = ?", Long.class, creator.id()),
                count -> count == 1);
        await("activity caught up", () -> jdbc.queryForObject(
                "SELECT count(*) FROM economy.payer_payment p JOIN economy.journal_entry j ON j.payment_id = p.payment_id"
                        + " WHERE j.creator_id = ?", Long.class, creator.id()), count -> count == 1);

        long eventsBefore = jdbc.queryForObject(WALLET_AND_PAYMENT_EVENTS, Long.class);
        List<Map<String, Object>> before = snapshot();
        replay.replay(EconomyConfiguration.PROCESSING_GROUP, progress -> { });
        assertThat(snapshot()).isEqualTo(before);
        // the reactions sharing the group are not replayed: no command, so no new event
        assertThat(jdbc.queryForObject(WALLET_AND_PAYMENT_EVENTS, Long.class)).isEqualTo(eventsBefore);
    }

    private List<Map<String, Object>> snapshot() {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        rows.addAll(jdbc.queryForList("SELECT * FROM economy.journal_entry ORDER BY entry_id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM economy.posting ORDER BY entry_id, line_no"));
        rows.addAll(jdbc.queryForList("""
                SELECT creator_id, currency, available_minor, pending_minor, reserved_minor, receivable_minor,
                       lifetime_gross_minor, lifetime_net_minor FROM economy.wallet ORDER BY creator_id, currency"""));
        rows.addAll(jdbc.queryForList("SELECT * FROM economy.payout ORDER BY payout_id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM economy.payout_settings ORDER BY creator_id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM economy.tip ORDER BY tip_id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM economy.tip_payment ORDER BY tip_id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM economy.payer_payment ORDER BY payment_id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM economy.fraud_signal ORDER BY signal_id"));
        return rows;
    }

    private List<String> violations(String check) {
        String[] samples = jdbc.queryForObject("""
                SELECT sample_ids FROM health.schema_health_check WHERE check_name = ?""",
                (row, i) -> (String[]) row.getArray("sample_ids").getArray(), check);
        return List.of(samples);
    }

    private boolean passing(String check) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT is_passing FROM health.schema_health_check WHERE check_name = ?", Boolean.class, check));
    }
}
