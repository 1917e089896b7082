package io.hyperx.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperx.content.api.CreatePostCommand;
import io.hyperx.content.api.PostId;
import io.hyperx.content.api.PublishPostCommand;
import io.hyperx.content.api.Visibility;
import io.hyperx.subscription.api.TierId;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The in-app feed (read, unread), new posts to supporters, preferences and the unsubscribe link. */
class InAppAndPreferencesIT extends NotificationHttpSupport {

    private JsonNode feed(Session who, String query) {
        Response response = get("/api/v1/me/notifications" + query, who.auth());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    private JsonNode awaitInFeed(Session who, String title) {
        return await("'" + title + "' in the feed", () -> {
            dispatcher.dispatchDue();
            for (JsonNode item : feed(who, "?size=100").path("data")) {
                if (item.path("title").asText().startsWith(title)) {
                    return item;
                }
            }
            return null;
        }, item -> item != null);
    }

    private PostId publishPost(UUID creator) {
        PostId post = new PostId(UUID.randomUUID());
        commands.sendAndWait(new CreatePostCommand(post, creator, "Studio notes", "Hello members",
                new Visibility(Visibility.MEMBERS, null, null, null), null));
        commands.sendAndWait(new PublishPostCommand(post, creator, null));
        return post;
    }

    private List<Map<String, Object>> rows(UUID recipient, String template) {
        return outboxOf(recipient).stream().filter(row -> template.equals(row.get("template"))).toList();
    }

    @Test
    void theFeedCountsUnreadAndMarksOneOrAllRead() {
        Session fan = register("fan");
        Session creator = register("creator");
        subscribe(fan, tier(creator.id(), "Feed tier", 400));
        JsonNode welcome = awaitInFeed(fan, "Welcome to Feed tier");
        assertThat(welcome.path("read").asBoolean()).isFalse();
        assertThat(welcome.path("category").asText()).isEqualTo("membership");
        assertThat(welcome.path("body").asText()).contains("Hi Test fan").contains("Feed tier");
        awaitInFeed(creator, "New member: Feed tier");

        JsonNode all = feed(fan, "");
        long unread = all.path("meta").path("unreadCount").asLong();
        assertThat(unread).isPositive();
        assertThat(feed(fan, "?size=1").path("data")).hasSize(1);
        assertThat(feed(fan, "?size=1").path("meta").path("pagination").path("totalElements").asLong())
                .isEqualTo(all.path("meta").path("pagination").path("totalElements").asLong());

        String id = welcome.path("id").asText();
        assertThat(post("/api/v1/me/notifications/" + id + "/read", null, creator.auth()).status())
                .as("someone else's notification").isEqualTo(404);
        assertThat(post("/api/v1/me/notifications/" + id + "/read", null, fan.auth()).status()).isEqualTo(204);
        JsonNode after = feed(fan, "");
        assertThat(after.path("meta").path("unreadCount").asLong()).isEqualTo(unread - 1);
        assertThat(feed(fan, "?unreadOnly=true").path("data").findValuesAsText("id")).doesNotContain(id);

        Response readAll = post("/api/v1/me/notifications/read-all", null, fan.auth());
        assertThat(readAll.status()).isEqualTo(200);
        assertThat(feed(fan, "").path("meta").path("unreadCount").asLong()).isZero();
        assertThat(feed(creator, "").path("meta").path("unreadCount").asLong()).as("others' feeds untouched")
                .isPositive();
    }

    @Test
    void aNewPostReachesSupportersOnlyAndRespectsTheirPreferences() {
        Session supporter = register("fan");
        Session quiet = register("fan");
        Session stranger = register("fan");
        Session creator = register("creator");
        TierId tier = tier(creator.id(), "Posts tier", 300);
        subscribe(supporter, tier);
        subscribe(quiet, tier);
        awaitInFeed(supporter, "Welcome to Posts tier");
        awaitInFeed(quiet, "Welcome to Posts tier");
        await("both supporters known", () -> jdbc.queryForObject("SELECT count(*) FROM notification.supporter "
                + "WHERE creator_id = ?", Long.class, creator.id()), count -> count == 2);

        Response off = send("PUT", "/api/v1/me/notification-preferences", body("preferences", List.of(
                body("category", "posts", "channel", "EMAIL", "enabled", false))), quiet.auth());
        assertThat(off.status()).as(off.raw()).isEqualTo(200);
        assertThat(off.json().path("data").findParents("category").stream()
                .filter(p -> p.path("category").asText().equals("posts") && p.path("channel").asText().equals("EMAIL"))
                .findFirst().orElseThrow().path("enabled").asBoolean()).isFalse();

        publishPost(creator.id());
        MimeMessage mail = awaitMail(emailOf(supporter.id()), "New post from a creator you support");
        assertThat(part(mail, "text/plain")).contains("https://hyperx.test/posts/");
        awaitInFeed(quiet, "New post from a creator you support");

        List<Map<String, Object>> quietRows = rows(quiet.id(), "new_post");
        assertThat(quietRows).extracting(row -> row.get("channel") + ":" + row.get("status"))
                .contains("EMAIL:SUPPRESSED");
        assertThat(mails(emailOf(quiet.id())).stream().map(NotificationHttpSupport::subject))
                .noneMatch(subject -> subject.startsWith("New post"));
        assertThat(rows(stranger.id(), "new_post")).isEmpty();
    }

    @Test
    void transactionalCategoriesCannotBeTurnedOff() {
        Session fan = register("fan");
        Response refused = send("PUT", "/api/v1/me/notification-preferences", body("preferences", List.of(
                body("category", "tips", "channel", "IN_APP", "enabled", false),
                body("category", "billing", "channel", "EMAIL", "enabled", false))), fan.auth());
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("transactional_category");
        assertThat(refused.raw()).contains("cannot be turned off");

        JsonNode preferences = get("/api/v1/me/notification-preferences", fan.auth()).json().path("data");
        assertThat(preferences).allSatisfy(p -> assertThat(p.path("enabled").asBoolean())
                .as("nothing changed: " + p).isTrue());
        assertThat(preferences.findParents("category").stream()
                .filter(p -> p.path("category").asText().equals("billing")))
                .allSatisfy(p -> assertThat(p.path("transactional").asBoolean()).isTrue());

        Response unknown = send("PUT", "/api/v1/me/notification-preferences", body("preferences", List.of(
                body("category", "gossip", "channel", "EMAIL", "enabled", false))), fan.auth());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("unknown_category");
    }

    @Test
    void theUnsubscribeLinkTurnsThatCategoryOffWithoutLoggingIn() {
        Session creator = register("creator");
        TierId tier = tier(creator.id(), "Unsubscribe tier", 300);
        subscribe(register("fan"), tier);
        MimeMessage first = awaitMail(emailOf(creator.id()), "New member: Unsubscribe tier");
        String link = header(first, "List-Unsubscribe").replaceAll("^<|>$", "");
        String token = link.substring(link.indexOf("token=") + "token=".length());

        assertThat(post("/api/v1/notifications/unsubscribe?token=" + token.substring(0, token.length() - 2) + "xx",
                null).status()).as("a changed token").isEqualTo(400);
        Response done = post("/api/v1/notifications/unsubscribe?token=" + token, null);
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        assertThat(done.json().path("category").asText()).isEqualTo("supporters");

        Session second = register("fan");
        subscribe(second, tier);
        await("second new-member notice queued", () -> rows(creator.id(), "new_subscriber"),
                rows -> rows.size() == 4);
        assertThat(rows(creator.id(), "new_subscriber")).extracting(row -> row.get("channel") + ":"
                + row.get("status")).contains("EMAIL:SUPPRESSED", "IN_APP:PENDING");
        while (dispatcher.dispatchDue() > 0) {
            Thread.onSpinWait();
        }
        assertThat(mails(emailOf(creator.id())).stream().map(NotificationHttpSupport::subject)
                .filter(subject -> subject.startsWith("New member"))).hasSize(1);
    }

    @Test
    void anErasedAccountKeepsNoFeedPreferencesOrMessageData() {
        Session fan = register("fan");
        subscribe(fan, tier(register("creator").id(), "Erasure tier", 200));
        awaitInFeed(fan, "Welcome to Erasure tier");
        assertThat(send("PUT", "/api/v1/me/notification-preferences", body("preferences", List.of(
                body("category", "tips", "channel", "EMAIL", "enabled", false))), fan.auth()).status()).isEqualTo(200);

        assertThat(send("DELETE", "/api/v1/auth/me", body("password", PASSWORD), fan.auth()).status())
                .isEqualTo(204);

        await("feed and preferences gone", () -> jdbc.queryForObject(
                "SELECT (SELECT count(*) FROM notification.in_app_notification WHERE account_id = ?) "
                        + "+ (SELECT count(*) FROM notification.preference WHERE account_id = ?)", Long.class,
                fan.id(), fan.id()), count -> count == 0);
        assertThat(jdbc.queryForList("SELECT data::text FROM notification.outbox WHERE recipient = ?", String.class,
                fan.id().toString())).isNotEmpty().containsOnly("{}");
    }
}
