package io.hyperx.identity.application;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountMessage;
import io.hyperx.identity.api.AccountMessageSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Messages to the account's owner, written to {@code identity.outgoing_message} in the same transaction as the
 * change that causes them, and handed in that transaction to the {@link AccountMessageSink} (the notification
 * context, which sends them). In the embedded mode (no database configured) the link is also logged, so a local user
 * can follow it.
 */
@Component
class Outbox {

    static final String VERIFY_EMAIL = AccountMessage.VERIFY_EMAIL;
    static final String RESET_PASSWORD = AccountMessage.RESET_PASSWORD;

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final JdbcTemplate jdbc;
    private final boolean embedded;
    private final ObjectProvider<AccountMessageSink> sinks;

    Outbox(JdbcTemplate jdbc, Environment environment, ObjectProvider<AccountMessageSink> sinks) {
        this.jdbc = jdbc;
        this.sinks = sinks;
        this.embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    void enqueue(AccountId recipient, String template, String link, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO identity.outgoing_message (id, account_id, template, link, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", id, recipient.value(), template, link, Timestamp.from(now));
        sinks.ifAvailable(sink -> sink.deliver(new AccountMessage(id, recipient, template, link, now)));
        if (embedded) {
            log.info("Outgoing message '{}' for account {}: {}", template, recipient, link);
        }
    }
}
