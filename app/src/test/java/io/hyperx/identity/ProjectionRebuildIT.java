package io.hyperx.identity;

import io.hyperx.identity.query.AccountViewProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** identity.account_view is disposable: reset the processor, replay the log, the same rows come back. */
class ProjectionRebuildIT extends IdentityHttpSupport {

    private static final String ROWS = "SELECT * FROM identity.account_view ORDER BY account_id";

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void resettingAndReplayingTheAccountsProjectionRebuildsTheSameRows() throws Exception {
        Session fan = register("fan");
        Session creator = register("creator");
        Session admin = admin();
        post("/api/v1/accounts/" + fan.id() + "/upgrade", null, fan.auth());
        post("/api/v1/admin/accounts/" + creator.id() + "/suspend", null, admin.auth());
        String verifyLink = jdbc.queryForObject("SELECT link FROM identity.outgoing_message WHERE account_id = ? "
                + "AND template = 'verify_email'", String.class, fan.id());
        post("/api/v1/auth/verify-email", body("token", verifyLink.substring(verifyLink.indexOf("token=") + 6)));

        awaitRow(creator, "status", "suspended");
        awaitRow(fan, "role", "creator");
        awaitRow(fan, "email_verified", true);
        List<Map<String, Object>> before = jdbc.queryForList(ROWS);

        // Corrupt a row: only a real replay can repair it.
        jdbc.update("UPDATE identity.account_view SET role = 'admin', status = 'erased' WHERE account_id = ?",
                fan.id());

        StreamingEventProcessor processor = processing
                .eventProcessor(AccountViewProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<Map<String, Object>> after = jdbc.queryForList(ROWS);
        while (!after.equals(before) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            after = jdbc.queryForList(ROWS);
        }
        assertThat(after).isEqualTo(before);
        assertThat(before).hasSizeGreaterThanOrEqualTo(3);
    }

    private void awaitRow(Session session, String column, Object expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<Object> values = jdbc.queryForList("SELECT " + column + " FROM identity.account_view "
                    + "WHERE account_id = ?", Object.class, session.id());
            if (!values.isEmpty() && expected.equals(values.get(0))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("account_view." + column + " of " + session.id() + " never became " + expected);
    }
}
