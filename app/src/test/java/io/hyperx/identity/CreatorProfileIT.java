package io.hyperx.identity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Creator profiles, slug rules, case-insensitive uniqueness under concurrent claims, the public page. */
class CreatorProfileIT extends IdentityHttpSupport {

    static String freshSlug() {
        return "ada-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCreatorSavesAndPublishesTheirProfile() {
        Session creator = register("creator");
        Response initial = get("/api/v1/creators/profile", creator.auth());
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.json().path("published").asBoolean()).isFalse();
        assertThat(initial.json().path("displayName").asText()).isEqualTo("Test creator");

        String slug = freshSlug();
        Response saved = send("PUT", "/api/v1/creators/profile", body("slug", slug.toUpperCase(),
                "displayName", "Ada L.", "bio", "I write.", "avatarUrl", "https://cdn.example.test/a.png",
                "socialLinks", List.of(body("label", "site", "url", "https://ada.example.test"))), creator.auth());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.json().path("slug").asText()).isEqualTo(slug);
        assertThat(saved.json().path("socialLinks").get(0).path("url").asText()).isEqualTo("https://ada.example.test");
        assertThat(get("/api/v1/public/creators/" + slug).status()).isEqualTo(404);

        assertThat(send("PUT", "/api/v1/creators/profile", body("slug", slug, "displayName", "Ada L.",
                "bio", "I write.", "published", true), creator.auth()).status()).isEqualTo(200);
        Response page = get("/api/v1/public/creators/" + slug.toUpperCase());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("displayName").asText()).isEqualTo("Ada L.");
        assertThat(page.json().path("creatorId").asText()).isEqualTo(creator.id().toString());
        assertThat(page.json().has("email")).isFalse();

        for (String listing : List.of("tiers", "posts", "products")) {
            Response bySlug = get("/api/v1/public/creators/" + slug + "/" + listing);
            assertThat(bySlug.status()).as(listing + ": " + bySlug.raw()).isEqualTo(200);
            assertThat(bySlug.json().has("data")).isTrue();
        }
        Response unknown = get("/api/v1/public/creators/" + freshSlug() + "/tiers");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("creator_not_found");
    }

    @Test
    void badProfileFieldsAreRefused() {
        Session creator = register("creator");
        Response http = send("PUT", "/api/v1/creators/profile", body("displayName", "X",
                "avatarUrl", "http://insecure.example.test/a.png"), creator.auth());
        assertThat(http.status()).isEqualTo(422);
        assertThat(http.code()).isEqualTo("https_url_required");

        Response longBio = send("PUT", "/api/v1/creators/profile", body("displayName", "X",
                "bio", "b".repeat(2001)), creator.auth());
        assertThat(longBio.status()).isEqualTo(400);
        assertThat(longBio.json().path("errors").findValuesAsText("field")).contains("bio");

        Response reserved = send("PUT", "/api/v1/creators/profile", body("slug", "Admin", "displayName", "X"),
                creator.auth());
        assertThat(reserved.status()).isEqualTo(422);
        assertThat(reserved.code()).isEqualTo("slug_reserved");

        Response publishedWithoutSlug = send("PUT", "/api/v1/creators/profile", body("displayName", "X",
                "published", true), creator.auth());
        assertThat(publishedWithoutSlug.code()).isEqualTo("slug_required");
    }

    @Test
    void slugValidationExplainsWhyASlugCannotBeUsed() {
        Session creator = register("creator");
        Session other = register("creator");
        String taken = freshSlug();
        send("PUT", "/api/v1/creators/profile", body("slug", taken, "displayName", "Other"), other.auth());

        Response reserved = post("/api/v1/creators/slug/validate", body("slug", "www"), creator.auth());
        assertThat(reserved.json().path("valid").asBoolean()).isFalse();
        assertThat(reserved.json().path("reason").asText()).isEqualTo("slug_reserved");

        Response invalid = post("/api/v1/creators/slug/validate", body("slug", "-x"), creator.auth());
        assertThat(invalid.json().path("reason").asText()).isEqualTo("slug_invalid");

        Response takenAnswer = post("/api/v1/creators/slug/validate", body("slug", taken.toUpperCase()),
                creator.auth());
        assertThat(takenAnswer.json().path("valid").asBoolean()).isTrue();
        assertThat(takenAnswer.json().path("available").asBoolean()).isFalse();
        assertThat(takenAnswer.json().path("reason").asText()).isEqualTo("slug_taken");

        Response own = post("/api/v1/creators/slug/validate", body("slug", taken), other.auth());
        assertThat(own.json().path("available").asBoolean()).isTrue();

        Response claim = send("PUT", "/api/v1/creators/profile", body("slug", taken.toUpperCase(),
                "displayName", "Me"), creator.auth());
        assertThat(claim.status()).isEqualTo(409);
        assertThat(claim.code()).isEqualTo("slug_taken");
    }

    @Test
    void concurrentClaimsOfOneSlugLetExactlyOneWin() throws Exception {
        int claimants = 6;
        List<Session> creators = new ArrayList<>();
        for (int i = 0; i < claimants; i++) {
            creators.add(register("creator"));
        }
        String slug = freshSlug();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(claimants);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                Session creator = creators.get(i);
                String spelling = i % 2 == 0 ? slug : slug.toUpperCase();
                Callable<Integer> claim = () -> {
                    start.await();
                    return send("PUT", "/api/v1/creators/profile", body("slug", spelling, "displayName", "C"),
                            creator.auth()).status();
                };
                results.add(pool.submit(claim));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(claimants - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM identity.creator_slug WHERE slug = ?", Integer.class,
                slug)).isEqualTo(1);
    }
}
