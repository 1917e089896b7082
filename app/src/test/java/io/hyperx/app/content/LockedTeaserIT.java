package io.hyperx.app.content;

import io.hyperx.app.SharedAppContext;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperx.app.content.ContentHttp.Account;
import io.hyperx.app.content.ContentHttp.Response;
import io.hyperx.content.api.PostDrafted;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.hyperx.app.content.ContentHttp.usd;
import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A locked post shows only the teaser its creator chose, never the body: for short and long bodies, in every locked
 * answer (the post, the creator's public list, a fan's feed, the 401/402/403 refusals) and for products (whose paid
 * part is their files). Same Spring context configuration as {@link ContentHttpIT}, so the context is shared.
 */
@SharedAppContext
class LockedTeaserIT {

    static final int[] BODY_LENGTHS = {1, 50, 280, 281, 5_000};
    /** A body's text counts as shown when any run of this many of its characters appears in an answer. */
    static final int WINDOW = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RARE_SIGNS = "¤¦§©®¶µ±";
    private static final AtomicInteger rareSigns = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer events;

    ContentHttp http;

    @BeforeEach
    void setUp() {
        http = new ContentHttp(port);
    }

    @Test
    void noLockedAnswerShowsAnythingOfTheBodyButTheTeaserTheCreatorChose() {
        Account creator = http.register("creator");
        UUID tier = http.publishedTier(creator, 500, 1);
        Account member = http.register("fan");
        http.activeSubscription(member, tier);

        List<LockedPost> posts = new ArrayList<>();
        for (int length : BODY_LENGTHS) {
            String paid = body(length);
            posts.add(new LockedPost(post(creator, "PPV " + length, paid, null,
                    Map.of("type", "payPerView", "price", usd(300))), paid, null, 402));
            String gated = body(length);
            String chosen = ("Teaser of " + length + ": " + gated.substring(0, Math.min(length, 40))).strip();
            posts.add(new LockedPost(post(creator, "Rank " + length, gated, chosen,
                    Map.of("type", "minTierRank", "minTierRank", 5)), gated, chosen, 403));
        }
        String paidTeaserBody = body(400);
        String paidTeaser = "What this paid post is about.";
        posts.add(new LockedPost(post(creator, "PPV with teaser", paidTeaserBody, paidTeaser,
                Map.of("type", "payPerView", "price", usd(300))), paidTeaserBody, paidTeaser, 402));

        Response list = await("all posts listed", () -> http.get("/api/v1/public/creators/" + creator.id()
                + "/posts?size=50", null), r -> r.json().path("data").size() == posts.size());
        Response feed = await("all posts in the member's feed", () -> http.get("/api/v1/fans/feed?size=50", member),
                r -> r.json().path("data").size() == posts.size());
        for (LockedPost post : posts) {
            String path = "/api/v1/posts/" + post.id();
            Response anonymous = http.get(path, null);
            assertThat(anonymous.json().path("locked").asBoolean()).isTrue();
            Response asMember = http.get(path, member);
            assertThat(asMember.json().path("locked").asBoolean()).isTrue();
            if (post.teaser() == null) {
                assertThat(asMember.json().has("teaser")).as("no teaser chosen").isFalse();
            } else {
                assertThat(asMember.json().path("teaser").asText()).isEqualTo(post.teaser());
            }
            Response refusal = http.get(path + "/content", member);
            assertThat(refusal.status()).isEqualTo(post.refusal());
            assertThat(refusal.json().path("teaser").asText(null)).isEqualTo(post.teaser());
            Response unauthenticated = http.get(path + "/content", null);
            assertThat(unauthenticated.status()).isEqualTo(401);

            for (Response answer : List.of(anonymous, asMember, refusal, unauthenticated, list, feed)) {
                assertShowsNothingOfTheBodyBut(post, answer.json().toString());
            }
        }
    }

    @Test
    void aProductShowsItsDescriptionAndNothingOfItsFiles() {
        Account creator = http.register("creator");
        for (int length : BODY_LENGTHS) {
            String body = body(length);
            byte[] pdf = ("%PDF-1.4\n" + body).getBytes(StandardCharsets.UTF_8);
            Response upload = http.upload(creator, "product", "paid-" + length + ".pdf", pdf);
            assertThat(upload.status()).as(upload.json().toString()).isEqualTo(201);
            String description = "A guide of " + length + " characters.";
            Response product = http.send("POST", "/api/v1/creators/products", creator, Map.of("title",
                    "Guide " + length, "description", description, "type", "DOWNLOAD", "price", usd(900),
                    "fileIds", List.of(upload.json().path("id").asText())));
            assertThat(product.status()).as(product.json().toString()).isEqualTo(201);
            String id = product.json().path("id").asText();
            http.send("POST", "/api/v1/creators/products/" + id + "/publish", creator, null);
            Response listed = await("product on sale", () -> http.get("/api/v1/public/creators/" + creator.id()
                    + "/products", null), r -> r.json().path("data").findValuesAsText("id").contains(id));
            assertThat(listed.json().toString()).contains(description);
            assertShowsNothingOfTheBodyBut(new LockedPost(UUID.fromString(id), body, null, 0),
                    listed.json().toString());
        }
    }

    /** Events stored before the teaser existed have no {@code teaser} member: they read as "no teaser". */
    @Test
    void aPostDraftedEventStoredBeforeTeasersReadsAsHavingNone() throws Exception {
        Account creator = http.register("creator");
        UUID id = post(creator, "Old shape", "body text", "a teaser", Map.of("type", "members"));
        String stored = jdbc.queryForObject("""
                SELECT payload::text FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = ?""", String.class, id.toString(),
                PostDrafted.class.getName());
        ObjectNode json = (ObjectNode) ContentHttp.JSON.readTree(stored);
        assertThat(json.path("teaser").asText()).isEqualTo("a teaser");
        json.remove("teaser");

        PostDrafted old = events.deserialize(new SimpleSerializedObject<>(
                ContentHttp.JSON.writeValueAsBytes(json), byte[].class, PostDrafted.class.getName(), null));

        assertThat(old.teaser()).isNull();
        assertThat(old.postId().value()).isEqualTo(id);
        assertThat(old.body()).isEqualTo("body text");
    }

    private void assertShowsNothingOfTheBodyBut(LockedPost post, String answer) {
        String body = post.body();
        if (body.length() < WINDOW) {
            if (post.teaser() != null && post.teaser().contains(body)) {
                return;
            }
            assertThat(answer).as("a locked answer for post " + post.id()).doesNotContain(body);
            return;
        }
        for (int i = 0; i + WINDOW <= body.length(); i++) {
            String window = body.substring(i, i + WINDOW);
            if (post.teaser() == null || !post.teaser().contains(window)) {
                assertThat(answer).as("a locked answer for post " + post.id() + " (" + body.length()
                        + " characters)").doesNotContain(window);
            }
        }
    }

    private UUID post(Account creator, String title, String body, String teaser, Map<String, Object> visibility) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", title);
        request.put("body", body);
        if (teaser != null) {
            request.put("teaser", teaser);
        }
        request.put("visibility", visibility);
        request.put("publish", true);
        Response created = http.send("POST", "/api/v1/creators/posts", creator, request);
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        assertThat(created.json().path("teaser").asText(null)).isEqualTo(teaser);
        UUID id = UUID.fromString(created.json().path("id").asText());
        await("post " + title + " published", () -> http.get("/api/v1/posts/" + id, null), r -> r.status() == 200);
        return id;
    }

    /** Random sentences of random letters, exactly {@code length} characters (a rare sign, each time another, for one). */
    static String body(int length) {
        if (length == 1) {
            return String.valueOf(RARE_SIGNS.charAt(rareSigns.getAndIncrement() % RARE_SIGNS.length()));
        }
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int words = 3 + RANDOM.nextInt(6);
            for (int w = 0; w < words; w++) {
                for (int c = 3 + RANDOM.nextInt(6); c > 0; c--) {
                    text.append((char) ('a' + RANDOM.nextInt(26)));
                }
                text.append(w == words - 1 ? ". " : " ");
            }
        }
        return text.substring(0, length);
    }

    record LockedPost(UUID id, String body, String teaser, int refusal) {
    }
}
