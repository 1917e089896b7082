package io.hyperx.economy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperx.app.cli.ReplayCommand;
import io.hyperx.app.projections.ProjectionStatus;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.RefundPaymentCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay equivalence test: a database populated through the real flows of every context, every table of the
 * context schemas snapshotted, then {@code ./hyperx replay --all}'s code path ({@link ReplayCommand}), and every
 * table must hold the same rows again (compared as sets, order-independent). Lives with the economy tests to share
 * their Spring context, movable clock and economy sweeper (payouts need a released hold).
 */
@Timeout(300)
class ReplayEquivalenceIT extends EconomyHttpSupport {

    /**
     * Tables of the context schemas that are not compared, and why: they are the command side's durable timers and
     * outboxes, whose rows change on their own clock (a sweeper marks a job done, a sender marks a message sent), not
     * read models a replay rebuilds. Everything else in every schema but {@code public} (event store, tokens, dead
     * letters, sagas) and {@code health} (views and settings) is compared.
     */
    static final Map<String, String> EXCLUDED = Map.of(
            "economy.scheduled_job", "durable timers of the economy command side (holds, payouts), run by its sweeper",
            "subscription.scheduled_job", "durable timers of subscriptions (renewals, retries, grace), run by its sweeper",
            "identity.outgoing_message", "outbox of e-mails, marked sent by its sender",
            "notification.outbox", "notifications to deliver, updated by the dispatcher as it sends",
            "notification.delivery_attempt", "the dispatcher's record of each delivery attempt",
            "notification.in_app_notification", "the in-app channel's delivered messages and their read marks");

    @Autowired
    ReplayCommand replayCommand;

    @Autowired
    ProjectionStatus status;

    @Test
    void replayingEveryGroupRebuildsEveryProjectionTableToTheSameRows() throws Exception {
        populateThroughEveryContext();
        awaitQuiet();
        long head = status.head();
        Map<String, List<String>> before = snapshot();
        assertThat(before.keySet()).contains("identity.account_view", "subscription.subscription_view",
                "subscription.payment_view", "subscription.tier_view", "economy.journal_entry", "economy.posting",
                "economy.wallet", "economy.payout", "economy.tip", "content.post", "content.product",
                "content.membership", "content.unlock");
        for (String populated : List.of("economy.payout", "economy.tip", "content.unlock", "content.membership")) {
            assertThat(before.get(populated)).as(populated + " populated by the flows").isNotEmpty();
        }

        // damage one read model of each context: only a real rebuild brings these rows back
        jdbc.update("DELETE FROM identity.account_view");
        jdbc.update("DELETE FROM subscription.subscription_view");
        jdbc.update("UPDATE economy.wallet SET available_minor = available_minor + 1");
        jdbc.update("DELETE FROM content.unlock");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = replayCommand.run(List.of(), true, new PrintStream(printed, true, StandardCharsets.UTF_8), false);

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("replayed");
        assertThat(status.head()).as("a replay sends no command, so appends no event").isEqualTo(head);
        Map<String, List<String>> after = snapshot();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as(table).containsExactlyInAnyOrderElementsOf(before.get(table));
        }
    }

    /** Identity, subscription with payments, economy ledger, tip, refund and payout, content posts and purchases. */
    private void populateThroughEveryContext() {
        Session creator = register("creator");
        Session fan = register("fan");
        admin();

        Response tier = post("/api/v1/creators/tiers", body("name", "Supporter", "description", "monthly",
                "price", money(900), "interval", "MONTHLY", "benefits", List.of("posts"), "rank", 1,
                "published", true), creator.auth());
        assertThat(tier.status()).as(tier.raw()).isEqualTo(201);
        String tierId = tier.json().path("id").asText();
        await("tier for sale", () -> get("/api/v1/public/creators/" + creator.id() + "/tiers"),
                r -> r.json().path("data").findValuesAsText("id").contains(tierId));
        Response subscribed = post("/api/v1/fans/subscriptions", body("tierId", tierId,
                "paymentMethodId", "pm_card_visa"), fan.auth());
        assertThat(subscribed.status()).as(subscribed.raw()).isEqualTo(201);
        String subscription = subscribed.json().path("id").asText();
        await("subscription active", () -> get("/api/v1/fans/subscriptions/" + subscription, fan.auth()),
                r -> r.json().path("status").asText().equals("ACTIVE"));

        Response tip = post("/api/v1/fans/tips", body("creatorId", creator.id(), "amount", money(500),
                "message", "thanks", "paymentMethodId", "pm_card_visa"), fan.auth("Idempotency-Key", "replay-tip"));
        assertThat(tip.status()).as(tip.raw()).isEqualTo(201);

        Response post = post("/api/v1/creators/posts", body("title", "Members only", "body", "For **members**.",
                "visibility", body("type", "members"), "publish", true), creator.auth());
        assertThat(post.status()).as(post.raw()).isEqualTo(201);
        Response product = post("/api/v1/creators/products", body("title", "Presets", "description", "Presets",
                "type", "DOWNLOAD", "price", money(1_200)), creator.auth());
        assertThat(product.status()).as(product.raw()).isEqualTo(201);
        String productId = product.json().path("id").asText();
        assertThat(post("/api/v1/creators/products/" + productId + "/publish", null, creator.auth()).status())
                .isEqualTo(202);
        await("product on sale", () -> get("/api/v1/public/creators/" + creator.id() + "/products"),
                r -> r.json().path("data").findValuesAsText("id").contains(productId));
        Response bought = post("/api/v1/fans/purchases", body("productId", productId,
                "paymentMethodId", "pm_card_visa"), fan.auth("Idempotency-Key", "replay-buy"));
        assertThat(bought.status()).as(bought.raw()).isEqualTo(201);
        await("library", () -> get("/api/v1/fans/library", fan.auth()), r -> r.json().path("data").size() == 1);

        PaymentId refunded = pay(fan.id(), creator.id(), 4_000);
        awaitBalance(creator, b -> minor(b, "lifetimeGross") == 900 + 500 + 1_200 + 4_000, "every payment credited");
        commands.sendAndWait(new RefundPaymentCommand(refunded, UUID.randomUUID(), usd(1_000), clock.instant()));
        awaitBalance(creator, b -> minor(b, "lifetimeGross") == 900 + 500 + 1_200 + 3_000, "refund debited");

        // the sweeper runs as of eight days later; the shared clock itself is not moved (other tests rely on it)
        Instant later = clock.instant().plus(Duration.ofDays(8));
        awaitJob(creator.id(), "RELEASE_HOLD");
        sweeper.runDue(later);
        awaitBalance(creator, b -> minor(b, "pending") == 0 && minor(b, "available") > 1_000, "holds released");
        registerBank(creator);
        Response payout = post("/api/v1/creators/payouts", body("amount", money(1_000)),
                creator.auth("Idempotency-Key", "replay-payout"));
        assertThat(payout.status()).as(payout.raw()).isEqualTo(201);
        String payoutId = payout.json().path("id").asText();
        awaitJob(creator.id(), "PAYOUT");
        sweeper.runDue(later);
        JsonNode done = await("payout completed", () -> {
            sweeper.runDue(later.plusSeconds(10));
            return get("/api/v1/creators/payouts/" + payoutId, creator.auth()).json();
        }, view -> view.path("status").asText().equals("COMPLETED"));
        assertThat(done.path("providerReference").asText()).isNotBlank();
    }

    /** Every processing group at the head, and the head still for a while (no reaction still sending commands). */
    private void awaitQuiet() throws InterruptedException {
        long head = -2;
        while (head != status.head()) {
            head = status.head();
            await("every projection caught up", () -> status.groups(),
                    groups -> groups.stream().allMatch(group -> group.lag() == 0));
            Thread.sleep(1_000);
        }
    }

    /** Each compared table's rows as canonical JSON, by "schema.table". */
    private Map<String, List<String>> snapshot() {
        List<String> tables = jdbc.queryForList("""
                SELECT table_schema || '.' || table_name FROM information_schema.tables
                WHERE table_type = 'BASE TABLE'
                  AND table_schema NOT IN ('public', 'health', 'information_schema', 'pg_catalog', 'pg_toast')
                  AND table_schema NOT LIKE 'flyway%'""", String.class);
        Set<String> excluded = EXCLUDED.keySet();
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : tables) {
            if (!excluded.contains(table)) {
                rows.put(table, jdbc.queryForList("SELECT to_jsonb(t)::text FROM " + table + " t", String.class));
            }
        }
        return rows;
    }
}
