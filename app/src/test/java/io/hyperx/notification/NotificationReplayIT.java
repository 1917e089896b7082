package io.hyperx.notification;

import io.hyperx.app.projections.ProjectionReplay;
import io.hyperx.notification.outbox.NotificationConfiguration;
import io.hyperx.subscription.api.TierId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replaying the notification processing group rebuilds its read model (the supporters) and sends nothing again: no
 * new outbox row, no new e-mail.
 */
class NotificationReplayIT extends NotificationHttpSupport {

    private static final String SUPPORTERS = "SELECT subscription_id, creator_id, fan_id, since "
            + "FROM notification.supporter ORDER BY subscription_id";

    @Autowired
    ProjectionReplay replay;

    @Test
    void aReplayRebuildsTheSupportersAndSendsNothingAgain() throws InterruptedException {
        Session fan = register("fan");
        Session creator = register("creator");
        TierId tier = tier(creator.id(), "Replay tier", 500);
        UUID subscription = subscribe(fan, tier);
        pay(fan.id(), creator.id(), 250);
        awaitMail(emailOf(fan.id()), "Welcome to Replay tier");
        awaitMail(emailOf(fan.id()), "Receipt: 2.50 USD paid");
        awaitMail(emailOf(creator.id()), "New member: Replay tier");
        await("supporter row", () -> jdbc.queryForList("SELECT fan_id FROM notification.supporter "
                + "WHERE subscription_id = ?", UUID.class, subscription), rows -> rows.equals(List.of(fan.id())));
        drain();

        List<Map<String, Object>> fanOutbox = outboxOf(fan.id());
        List<Map<String, Object>> creatorOutbox = outboxOf(creator.id());
        long allRows = jdbc.queryForObject("SELECT count(*) FROM notification.outbox", Long.class);
        int fanMails = mails(emailOf(fan.id())).size();
        int creatorMails = mails(emailOf(creator.id())).size();
        List<Map<String, Object>> supporters = jdbc.queryForList(SUPPORTERS);
        assertThat(fanOutbox).extracting(row -> row.get("template"))
                .contains("welcome", "receipt", "verify_email");
        // only a replay can bring this row back
        jdbc.update("DELETE FROM notification.supporter WHERE subscription_id = ?", subscription);

        replay.replay(NotificationConfiguration.PROCESSING_GROUP, progress -> {
        });
        drain();

        assertThat(jdbc.queryForList(SUPPORTERS)).isEqualTo(supporters);
        assertThat(outboxOf(fan.id())).isEqualTo(fanOutbox);
        assertThat(outboxOf(creator.id())).isEqualTo(creatorOutbox);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification.outbox", Long.class)).isEqualTo(allRows);
        assertThat(mails(emailOf(fan.id()))).hasSize(fanMails);
        assertThat(mails(emailOf(creator.id()))).hasSize(creatorMails);
    }

    private void drain() {
        while (dispatcher.dispatchDue() > 0) {
            Thread.onSpinWait();
        }
    }
}
