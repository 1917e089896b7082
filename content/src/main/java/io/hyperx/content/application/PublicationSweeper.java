package io.hyperx.content.application;

import io.hyperx.content.api.PostId;
import io.hyperx.content.api.PublishScheduledPostCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Durable scheduled publication: the due list is {@code content.post} rows in state SCHEDULED (a row survives
 * restarts). Each sweep locks the due rows with {@code FOR UPDATE SKIP LOCKED}, so two nodes never take the same
 * one at once, and sends {@link PublishScheduledPostCommand} naming the scheduled instant; the aggregate ignores a
 * stale or repeated one (already published, unpublished or rescheduled), so a row picked again before the
 * projection has caught up changes nothing.
 */
@Component
public class PublicationSweeper {

    private static final Logger log = LoggerFactory.getLogger(PublicationSweeper.class);
    private static final int BATCH = 50;

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;

    PublicationSweeper(JdbcTemplate jdbc, CommandGateway commands, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${hyperx.content.publish-sweep-interval:PT10S}",
            initialDelayString = "${hyperx.content.publish-sweep-interval:PT10S}")
    void sweep() {
        runDue(Instant.now());
    }

    /** Publishes the posts due at {@code now} (up to a batch) and answers how many commands were sent. */
    public int runDue(Instant now) {
        Integer sent = transactions.execute(status -> {
            List<Due> due = jdbc.query("""
                    SELECT post_id, publish_at FROM content.post
                    WHERE status = 'SCHEDULED' AND publish_at <= ? ORDER BY publish_at LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (row, i) -> new Due(row.getObject("post_id", UUID.class), row.getTimestamp("publish_at").toInstant()),
                    Timestamp.from(now), BATCH);
            int count = 0;
            for (Due post : due) {
                try {
                    commands.sendAndWait(new PublishScheduledPostCommand(new PostId(post.id()), post.publishAt()));
                    count++;
                } catch (RuntimeException e) {
                    log.warn("Scheduled publication of post {} failed; the next sweep tries again: {}", post.id(),
                            e.toString());
                }
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    private record Due(UUID id, Instant publishAt) {
    }
}
