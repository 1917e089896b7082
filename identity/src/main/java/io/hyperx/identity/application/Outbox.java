package io.hyperx.identity.application;

import io.hyperx.identity.api.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Messages to the account's owner, written to {@code identity.outgoing_message} in the same transaction as the
 * change that causes them; the notification context will send them. In the embedded mode (no database
 * configured) the link is also logged, so a local user can follow it.
 */
@Component
class Outbox {

    static final String VERIFY_EMAIL = "verify_email";
    static final String RESET_PASSWORD = "reset_password";

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final JdbcTemplate jdbc;
    private final boolean embedded;

    Outbox(JdbcTemplate jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    void enqueue(AccountId recipient, String template, String link, Instant now) {
        jdbc.update("INSERT INTO identity.outgoing_message (id, account_id, template, link, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", UUID.randomUUID(), recipient.value(), template, link, Timestamp.from(now));
        if (embedded) {
            log.info("Outgoing message '{}' for account {}: {}", template, recipient, link);
        }
    }
}
