package io.hyperx.app.content;

import io.hyperx.app.SharedAppContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.hyperx.app.content.ContentHttp.Account;
import io.hyperx.app.content.ContentHttp.Response;
import io.hyperx.app.projections.ProjectionReplay;
import io.hyperx.content.application.PublicationSweeper;
import io.hyperx.subscription.application.DueJobSweeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.hyperx.testsupport.Eventually.await;
import static io.hyperx.app.content.ContentHttp.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content context over HTTP in simulator mode: creators publish posts and products, fans subscribe, pay per
 * view and buy; every access outcome of {@code GET /posts/{id}/content}. Same Spring context configuration as the
 * identity and subscription HTTP tests, so the context is shared.
 */
@SharedAppContext
class ContentHttpIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DueJobSweeper dueJobs;

    @Autowired
    PublicationSweeper publications;

    @Autowired
    ProjectionReplay replay;

    ContentHttp http;

    @BeforeEach
    void setUp() {
        http = new ContentHttp(port);
    }

    @Test
    void everyAccessOutcomeOfTheContentEndpoint() {
        Account creator = http.register("creator");
        UUID bronze = http.publishedTier(creator, 500, 1);
        UUID gold = http.publishedTier(creator, 1500, 2);
        UUID open = http.post(creator, "Hello", "Everyone may **read** this.", Map.of("type", "public"));
        UUID members = http.post(creator, "Members", "For members <script>alert(1)</script> only.",
                Map.of("type", "members"));
        UUID goldOnly = http.post(creator, "Gold", "Rank two and up.", Map.of("type", "minTierRank",
                "minTierRank", 2));
        UUID ppv = http.post(creator, "Paid", "Worth " + "every cent. ".repeat(40), Map.of("type", "payPerView",
                "price", usd(300)));
        UUID otherPpv = http.post(creator, "Paid too", "Also paid.", Map.of("type", "payPerView",
                "price", usd(300)));
        Account fan = http.register("fan");
        Account otherFan = http.register("fan");
        http.activeSubscription(fan, bronze);

        // anonymous: public content, 401 for the rest, teasers always
        Response publicContent = http.get("/api/v1/posts/" + open + "/content", null);
        assertThat(publicContent.status()).isEqualTo(200);
        assertThat(publicContent.json().path("html").asText()).contains("<strong>read</strong>");
        Response anonymous = http.get("/api/v1/posts/" + members + "/content", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("authentication_required");
        assertThat(anonymous.json().has("html")).isFalse();
        Response teaser = http.get("/api/v1/posts/" + ppv, null);
        assertThat(teaser.status()).isEqualTo(200);
        assertThat(teaser.json().path("locked").asBoolean()).isTrue();
        assertThat(teaser.json().has("html")).isFalse();
        assertThat(teaser.json().has("teaser")).as("no teaser chosen, none shown").isFalse();
        assertThat(teaser.json().toString()).doesNotContain("every cent");
        assertThat(teaser.json().path("price").path("amountMinor").asLong()).isEqualTo(300);

        // a bronze member: members content (sanitized), 403 for gold with the unlocking tier
        Response memberContent = await("membership projected", () -> http.get("/api/v1/posts/" + members
                + "/content", fan), r -> r.status() == 200);
        assertThat(memberContent.json().path("html").asText()).contains("For members").doesNotContain("<script");
        assertThat(http.get("/api/v1/posts/" + members, fan).json().path("locked").asBoolean()).isFalse();
        Response insufficient = http.get("/api/v1/posts/" + goldOnly + "/content", fan);
        assertThat(insufficient.status()).isEqualTo(403);
        assertThat(insufficient.code()).isEqualTo("tier_required");
        assertThat(insufficient.json().path("unlockingTiers").findValuesAsText("id")).containsExactly(gold.toString());

        // pay per view: 402 with what to pay, pay, then 200 with X-Payment and for good
        Response paymentRequired = http.get("/api/v1/posts/" + ppv + "/content", fan);
        assertThat(paymentRequired.status()).isEqualTo(402);
        JsonNode required = paymentRequired.json();
        assertThat(required.path("code").asText()).isEqualTo("payment_required");
        assertThat(required.path("price").path("amountMinor").asLong()).isEqualTo(300);
        assertThat(required.path("currency").asText()).isEqualTo("USD");
        assertThat(required.path("payment").path("url").asText()).isEqualTo("/api/v1/posts/" + ppv + "/payments");
        assertThat(required.path("nonce").asText()).isNotBlank();
        assertThat(Instant.parse(required.path("expiresAt").asText())).isAfter(Instant.now());
        assertThat(required.has("html")).isFalse();

        Response tampered = http.send("POST", "/api/v1/posts/" + ppv + "/payments", fan,
                Map.of("paymentMethodId", "pm_card_visa", "nonce", "1." + required.path("nonce").asText()));
        assertThat(tampered.status()).isEqualTo(422);
        Response paid = http.send("POST", "/api/v1/posts/" + ppv + "/payments", fan,
                Map.of("paymentMethodId", "pm_card_visa", "nonce", required.path("nonce").asText()),
                "Idempotency-Key", "ppv-1");
        assertThat(paid.status()).as(paid.json().toString()).isEqualTo(201);
        String paymentId = paid.json().path("paymentId").asText();
        Response unlocked = await("X-Payment accepted", () -> http.get("/api/v1/posts/" + ppv + "/content", fan,
                "X-Payment", paymentId), r -> r.status() == 200);
        assertThat(unlocked.json().path("html").asText()).contains("Worth every cent.");
        await("unlocked for good", () -> http.get("/api/v1/posts/" + ppv + "/content", fan),
                r -> r.status() == 200);

        // someone else's payment, another post's payment, a failed payment: 402 again
        Response anotherPayer = http.get("/api/v1/posts/" + ppv + "/content", otherFan, "X-Payment", paymentId);
        assertThat(anotherPayer.status()).isEqualTo(402);
        assertThat(anotherPayer.code()).isEqualTo("payment_not_accepted");
        assertThat(http.get("/api/v1/posts/" + otherPpv + "/content", fan, "X-Payment", paymentId).status())
                .isEqualTo(402);
        Response declined = http.send("POST", "/api/v1/posts/" + otherPpv + "/payments", fan,
                Map.of("paymentMethodId", "pm_card_chargeDeclined"));
        String declinedId = declined.json().path("paymentId").asText();
        await("declined payment failed", () -> http.get("/api/v1/fans/payments?size=50", fan),
                r -> java.util.stream.StreamSupport.stream(r.json().path("data").spliterator(), false)
                        .anyMatch(p -> p.path("id").asText().equals(declinedId)
                                && p.path("status").asText().equals("FAILED")));
        assertThat(http.get("/api/v1/posts/" + otherPpv + "/content", fan, "X-Payment", declinedId).status())
                .isEqualTo(402);
        assertThat(http.get("/api/v1/posts/" + otherPpv + "/content", fan, "X-Payment", "not-a-uuid").status())
                .isEqualTo(402);

        // the creator reads everything; an unknown post is 404
        assertThat(http.get("/api/v1/posts/" + goldOnly + "/content", creator).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/posts/" + UUID.randomUUID() + "/content", fan).status()).isEqualTo(404);
    }

    @Test
    void graceKeepsAccessAndExpiryRemovesIt() {
        Account creator = http.register("creator");
        UUID tier = http.publishedTier(creator, 700, 1);
        UUID post = http.post(creator, "Members", "Members only.", Map.of("type", "members"));
        Account fan = http.register("fan");
        UUID subscription = http.activeSubscription(fan, tier);
        await("member reads", () -> http.get("/api/v1/posts/" + post + "/content", fan), r -> r.status() == 200);

        assertThat(http.send("PUT", "/api/v1/fans/subscriptions/" + subscription, fan,
                Map.of("paymentMethodId", "pm_card_chargeDeclinedInsufficientFunds")).status()).isEqualTo(202);
        timeTravel(subscription, "RENEW");
        awaitMembership(subscription, "GRACE_PERIOD");
        assertThat(http.get("/api/v1/posts/" + post + "/content", fan).status()).isEqualTo(200);

        timeTravel(subscription, "RETRY");
        timeTravel(subscription, "END_GRACE");
        awaitMembership(subscription, "EXPIRED");
        Response expired = http.get("/api/v1/posts/" + post + "/content", fan);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.json().path("unlockingTiers").findValuesAsText("id")).containsExactly(tier.toString());
    }

    @Test
    void creatorsManagePostsAndProductsAndFansReadFeedAndLibrary() throws InterruptedException {
        Account creator = http.register("creator");
        UUID tier = http.publishedTier(creator, 500, 1);
        Response draft = http.send("POST", "/api/v1/creators/posts", creator, Map.of("title", "Draft",
                "body", "not yet", "visibility", Map.of("type", "members"), "publish", false));
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.headers().firstValue("Location")).isPresent();
        assertThat(draft.json().path("status").asText()).isEqualTo("DRAFT");
        String draftId = draft.json().path("id").asText();
        Response invalid = http.send("POST", "/api/v1/creators/posts", creator, Map.of("title", "Bad",
                "body", "x", "visibility", Map.of("type", "payPerView")));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.code()).isEqualTo("invalid_visibility");

        Instant publishAt = Instant.now().plusSeconds(2);
        Response scheduled = http.send("POST", "/api/v1/creators/posts", creator, Map.of("title", "Later",
                "body", "scheduled", "visibility", Map.of("type", "public"), "publishAt", publishAt.toString()));
        assertThat(scheduled.json().path("status").asText()).isEqualTo("SCHEDULED");
        String scheduledId = scheduled.json().path("id").asText();
        UUID older = http.post(creator, "Older", "first", Map.of("type", "members"));
        UUID newer = http.post(creator, "Newer", "second", Map.of("type", "public"));

        Response own = await("own posts", () -> http.get("/api/v1/creators/posts", creator),
                r -> r.json().path("data").size() == 4);
        assertThat(own.json().path("data").findValuesAsText("status"))
                .containsExactlyInAnyOrder("DRAFT", "SCHEDULED", "PUBLISHED", "PUBLISHED");
        assertThat(http.get("/api/v1/posts/" + draftId, null).status()).isEqualTo(404);

        // the sweeper publishes the scheduled post once it is due (it would, after a restart, from its row)
        assertThat(publications.runDue(Instant.now())).isZero();
        Thread.sleep(Math.max(0, publishAt.toEpochMilli() - System.currentTimeMillis() + 50));
        assertThat(publications.runDue(Instant.now())).isEqualTo(1);
        Response publicList = await("scheduled post published", () -> http.get("/api/v1/public/creators/"
                + creator.id() + "/posts?size=2", null), r -> r.json().path("meta").path("pagination")
                .path("totalElements").asLong() == 3);
        assertThat(publicList.json().path("data").findValuesAsText("title")).containsExactly("Later", "Newer");
        assertThat(publicList.json().path("meta").path("pagination").path("totalPages").asInt()).isEqualTo(2);
        Response secondPage = http.get("/api/v1/public/creators/" + creator.id() + "/posts?size=2&page=1", null);
        assertThat(secondPage.json().path("data").get(0).path("title").asText()).isEqualTo("Older");
        assertThat(secondPage.json().path("data").get(0).path("locked").asBoolean()).isTrue();

        // edit, unpublish, delete
        assertThat(http.send("PUT", "/api/v1/creators/posts/" + newer, creator, Map.of("title", "Newer, edited",
                "body", "second", "visibility", Map.of("type", "public"))).status()).isEqualTo(202);
        await("edited", () -> http.get("/api/v1/posts/" + newer, null),
                r -> r.json().path("title").asText().equals("Newer, edited"));
        assertThat(http.send("POST", "/api/v1/creators/posts/" + scheduledId + "/unpublish", creator, null).status())
                .isEqualTo(202);
        await("unpublished", () -> http.get("/api/v1/posts/" + scheduledId, null), r -> r.status() == 404);
        assertThat(http.send("DELETE", "/api/v1/creators/posts/" + draftId, creator, null).status()).isEqualTo(204);
        await("deleted", () -> http.get("/api/v1/creators/posts/" + draftId, creator), r -> r.status() == 404);
        Account stranger = http.register("creator");
        assertThat(http.send("DELETE", "/api/v1/creators/posts/" + newer, stranger, null).status()).isEqualTo(404);

        // the feed: published posts of creators the fan supports, newest first, locked ones as teasers
        Account fan = http.register("fan");
        assertThat(http.get("/api/v1/fans/feed", fan).json().path("data")).isEmpty();
        http.activeSubscription(fan, tier);
        Response feed = await("feed", () -> http.get("/api/v1/fans/feed", fan),
                r -> r.json().path("data").size() == 2);
        assertThat(feed.json().path("data").findValuesAsText("id")).containsExactly(newer.toString(),
                older.toString());
        assertThat(feed.json().path("data").get(1).path("locked").asBoolean()).isFalse();

        // products: create, publish, buy (idempotent), library
        Response product = http.send("POST", "/api/v1/creators/products", creator, Map.of("title", "Presets",
                "description", "Lightroom presets", "type", "DOWNLOAD", "price", usd(1200)));
        assertThat(product.status()).isEqualTo(201);
        String productId = product.json().path("id").asText();
        assertThat(http.send("POST", "/api/v1/creators/products/" + productId + "/publish", creator, null).status())
                .isEqualTo(202);
        await("product on sale", () -> http.get("/api/v1/public/creators/" + creator.id() + "/products", null),
                r -> r.json().path("data").findValuesAsText("id").contains(productId));
        Map<String, Object> purchase = Map.of("productId", productId, "paymentMethodId", "pm_card_visa");
        Response bought = http.send("POST", "/api/v1/fans/purchases", fan, purchase, "Idempotency-Key", "buy-1");
        assertThat(bought.status()).as(bought.json().toString()).isEqualTo(201);
        Response again = http.send("POST", "/api/v1/fans/purchases", fan, purchase, "Idempotency-Key", "buy-1");
        assertThat(again.json().path("id").asText()).isEqualTo(bought.json().path("id").asText());
        Response library = await("library", () -> http.get("/api/v1/fans/library", fan),
                r -> r.json().path("data").size() == 1);
        assertThat(library.json().path("data").get(0).path("id").asText()).isEqualTo(productId);
        assertThat(http.send("POST", "/api/v1/fans/purchases", fan, purchase).code()).isEqualTo("already_owned");
        assertThat(http.get("/api/v1/creators/products", fan).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/fans/feed", null).status()).isEqualTo(401);
    }

    @Test
    void replayingTheContentProjectionsYieldsTheSameRows() throws InterruptedException {
        Account creator = http.register("creator");
        UUID tier = http.publishedTier(creator, 500, 1);
        UUID ppv = http.post(creator, "Paid", "paid", Map.of("type", "payPerView", "price", usd(200)));
        http.post(creator, "Members", "members", Map.of("type", "members"));
        Account fan = http.register("fan");
        http.activeSubscription(fan, tier);
        String paymentId = http.send("POST", "/api/v1/posts/" + ppv + "/payments", fan,
                Map.of("paymentMethodId", "pm_card_visa")).json().path("paymentId").asText();
        await("unlocked", () -> http.get("/api/v1/posts/" + ppv + "/content", fan), r -> r.status() == 200);
        await("payment unlock projected", () -> jdbc.queryForObject(
                "SELECT count(*) FROM content.unlock WHERE payment_id = ?::uuid", Long.class, paymentId), n -> n == 1);

        Map<String, List<Map<String, Object>>> before = snapshot();
        assertThat(before.get("membership")).isNotEmpty();
        replay.replay("content-access", progress -> { });
        Map<String, List<Map<String, Object>>> after = snapshot();

        assertThat(after).isEqualTo(before);
    }

    @Test
    void aDecisionThatCannotBeMadeDenies() {
        Account creator = http.register("creator");
        UUID tier = http.publishedTier(creator, 500, 1);
        UUID post = http.post(creator, "Members", "secret members text", Map.of("type", "members"));
        Account fan = http.register("fan");
        http.activeSubscription(fan, tier);
        await("member reads", () -> http.get("/api/v1/posts/" + post + "/content", fan), r -> r.status() == 200);

        jdbc.execute("ALTER TABLE content.membership RENAME TO membership_unavailable");
        try {
            Response content = http.get("/api/v1/posts/" + post + "/content", fan);
            assertThat(content.status()).isEqualTo(503);
            assertThat(content.code()).isEqualTo("access_undecidable");
            assertThat(content.json().toString()).doesNotContain("secret members text");
            Response view = http.get("/api/v1/posts/" + post, fan);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.json().path("locked").asBoolean()).isTrue();
            assertThat(view.json().has("html")).isFalse();
        } finally {
            jdbc.execute("ALTER TABLE content.membership_unavailable RENAME TO membership");
        }
        assertThat(http.get("/api/v1/posts/" + post + "/content", fan).status()).isEqualTo(200);
    }

    @Test
    void uploadsAreCheckedByContentAndPurchasedFilesDownloadWithLimitedTokens() {
        Account creator = http.register("creator");
        byte[] png = new byte[2048];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
        Response avatar = http.upload(creator, "avatar", "me.png", png);
        assertThat(avatar.status()).as(avatar.json().toString()).isEqualTo(201);
        assertThat(avatar.json().path("contentType").asText()).isEqualTo("image/png");
        assertThat(avatar.json().path("size").asLong()).isEqualTo(2048);

        byte[] executable = new byte[1024];
        System.arraycopy(new byte[]{'M', 'Z', (byte) 0x90, 0, 3}, 0, executable, 0, 5);
        Response renamed = http.upload(creator, "avatar", "cute-cat.png", executable);
        assertThat(renamed.status()).isEqualTo(415);
        assertThat(renamed.code()).isEqualTo("unsupported_file_type");
        byte[] bigPng = java.util.Arrays.copyOf(png, 5 * 1024 * 1024 + 1);
        Response tooBig = http.upload(creator, "avatar", "big.png", bigPng);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.code()).isEqualTo("file_too_large");

        byte[] zip = new byte[10_000];
        for (int i = 0; i < zip.length; i++) {
            zip[i] = (byte) (i % 251);
        }
        System.arraycopy(new byte[]{'P', 'K', 3, 4}, 0, zip, 0, 4);
        String fileId = http.upload(creator, "product", "pack.zip", zip).json().path("id").asText();
        Response product = http.send("POST", "/api/v1/creators/products", creator, Map.of("title", "Pack",
                "type", "DOWNLOAD", "price", usd(900), "fileIds", List.of(fileId)));
        assertThat(product.status()).as(product.json().toString()).isEqualTo(201);
        String productId = product.json().path("id").asText();
        http.send("POST", "/api/v1/creators/products/" + productId + "/publish", creator, null);
        Account fan = http.register("fan");
        Map<String, Object> linkRequest = Map.of("productId", productId, "fileId", fileId);
        await("product on sale", () -> http.get("/api/v1/public/creators/" + creator.id() + "/products", null),
                r -> r.json().path("data").findValuesAsText("id").contains(productId));
        assertThat(http.send("POST", "/api/v1/fans/downloads", fan, linkRequest).status()).isEqualTo(404);
        http.send("POST", "/api/v1/fans/purchases", fan, Map.of("productId", productId,
                "paymentMethodId", "pm_card_visa"));
        Response link = await("owned", () -> http.send("POST", "/api/v1/fans/downloads", fan, linkRequest),
                r -> r.status() == 201);
        String url = link.json().path("url").asText();
        assertThat(link.json().path("maxDownloads").asInt()).isEqualTo(5);

        java.net.http.HttpResponse<byte[]> whole = http.bytes(url);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(whole.body()).isEqualTo(zip);
        java.net.http.HttpResponse<byte[]> part = http.bytes(url, "Range", "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(zip, 100, 200));
        for (int i = 2; i <= 5; i++) {
            assertThat(http.bytes(url).statusCode()).as("download " + i).isEqualTo(200);
        }
        assertThat(http.bytes(url).statusCode()).isEqualTo(410);

        String token = link.json().path("token").asText();
        assertThat(http.bytes("/api/v1/downloads/" + token.substring(0, token.length() - 1)
                + (token.endsWith("0") ? "1" : "0")).statusCode()).isEqualTo(404);
        assertThat(http.bytes("/api/v1/downloads/garbage").statusCode()).isEqualTo(404);
        String fresh = http.send("POST", "/api/v1/fans/downloads", fan, linkRequest).json().path("token").asText();
        jdbc.update("UPDATE content.download_token SET expires_at = now() - interval '1 second' WHERE token_id = ?::uuid",
                fresh.substring(0, fresh.indexOf('.')));
        java.net.http.HttpResponse<byte[]> expired = http.bytes("/api/v1/downloads/" + fresh);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(new String(expired.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("download_expired");
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return Map.of(
                "post", jdbc.queryForList("SELECT * FROM content.post ORDER BY post_id"),
                // as JSON text: the uuid[] column comes back as a java.sql.Array, which equals only itself
                "product", jdbc.queryForList(
                        "SELECT to_jsonb(p)::text AS row FROM content.product p ORDER BY product_id"),
                "tier", jdbc.queryForList("SELECT * FROM content.tier ORDER BY tier_id"),
                "membership", jdbc.queryForList("SELECT * FROM content.membership ORDER BY subscription_id"),
                "unlock", jdbc.queryForList("SELECT * FROM content.unlock ORDER BY payment_id"));
    }

    private void awaitMembership(UUID subscription, String status) {
        await("membership " + status, () -> jdbc.queryForList(
                "SELECT status FROM content.membership WHERE subscription_id = ?", String.class, subscription),
                rows -> rows.equals(List.of(status)));
    }

    /** Moves the subscription's pending jobs of {@code kind} to now and runs them (days pass in a moment). */
    private void timeTravel(UUID subscription, String kind) {
        await(kind + " job scheduled", () -> jdbc.queryForObject("""
                SELECT count(*) FROM subscription.scheduled_job
                WHERE subscription_id = ? AND kind = ? AND done_at IS NULL""", Long.class, subscription, kind),
                count -> count > 0);
        jdbc.update("""
                UPDATE subscription.scheduled_job SET due_at = now() - interval '1 second'
                WHERE subscription_id = ? AND kind = ? AND done_at IS NULL""", subscription, kind);
        dueJobs.runDue(Instant.now());
    }
}
