package io.hyperx.subscription.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.subscription.api.EndGracePeriodCommand;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.RenewSubscriptionCommand;
import io.hyperx.subscription.api.RetrySubscriptionPaymentCommand;
import io.hyperx.subscription.api.SubscriptionId;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs due jobs of {@code subscription.scheduled_job}. Each job is claimed with {@code FOR UPDATE SKIP LOCKED}, its
 * command is sent and the job marked done in one transaction (Axon's unit of work joins it), so a job runs once
 * across any number of nodes and survives restarts: an unfinished job is simply still due. A failing job is
 * recorded and tried again at the next sweep.
 */
@Component
public class DueJobSweeper {

    private static final Logger log = LoggerFactory.getLogger(DueJobSweeper.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final ObjectMapper json = new ObjectMapper();
    private final SubscriptionSettings settings;

    DueJobSweeper(JdbcTemplate jdbc, CommandGateway commands, PlatformTransactionManager transactionManager,
                  SubscriptionSettings settings) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${hyperx.subscription.sweep-interval:PT10S}",
            initialDelayString = "${hyperx.subscription.sweep-interval:PT10S}")
    void sweep() {
        runDue(Instant.now());
    }

    /** Runs every job due at {@code now} (up to the batch size) and answers how many ran. */
    public int runDue(Instant now) {
        int ran = 0;
        int transientFailures = 0;
        while (ran < settings.sweepBatch()) {
            Boolean claimed;
            AtomicReference<UUID> current = new AtomicReference<>();
            try {
                claimed = transactions.execute(status -> runOne(now, current));
            } catch (RuntimeException e) {
                // after a lost race on the aggregate the job is still due: claim it again at once
                if (!ConcurrentWrites.isConcurrentWrite(e) || ++transientFailures > settings.sweepBatch()) {
                    postpone(current.get(), e);
                }
                continue;
            }
            if (!Boolean.TRUE.equals(claimed)) {
                break;
            }
            ran++;
        }
        return ran;
    }

    /**
     * Makes the subscription's earliest pending job of {@code kind} due now (the simulator's "skip ahead" for
     * development); answers whether there was one.
     */
    public boolean bringForward(SubscriptionId subscription, String kind) {
        return jdbc.update("""
                UPDATE subscription.scheduled_job SET due_at = now() - interval '1 millisecond'
                WHERE job_id = (SELECT job_id FROM subscription.scheduled_job
                                WHERE subscription_id = ? AND kind = ? AND done_at IS NULL
                                ORDER BY due_at LIMIT 1)""", subscription.value(), kind) == 1;
    }

    /** A failed job is tried again later, backing off a minute per failure up to an hour. */
    private void postpone(UUID jobId, RuntimeException cause) {
        log.warn("Subscription job {} failed; it is postponed: {}", jobId, cause.toString());
        if (jobId == null) {
            throw cause;
        }
        jdbc.update("""
                UPDATE subscription.scheduled_job SET failures = failures + 1, last_error = ?,
                       due_at = now() + interval '1 minute' * least(failures + 1, 60)
                WHERE job_id = ?""", String.valueOf(cause.getMessage()), jobId);
    }

    private boolean runOne(Instant now, AtomicReference<UUID> current) {
        List<Job> jobs = jdbc.query("""
                        SELECT job_id, kind, subscription_id, payload::text AS payload FROM subscription.scheduled_job
                        WHERE done_at IS NULL AND due_at <= ? ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED""",
                (row, i) -> new Job(row.getObject("job_id", UUID.class), row.getString("kind"),
                        new SubscriptionId(row.getObject("subscription_id", UUID.class)), row.getString("payload")),
                Timestamp.from(now));
        if (jobs.isEmpty()) {
            return false;
        }
        Job job = jobs.get(0);
        current.set(job.id());
        commands.sendAndWait(command(job));
        jdbc.update("UPDATE subscription.scheduled_job SET done_at = now() WHERE job_id = ?", job.id());
        return true;
    }

    private Object command(Job job) {
        try {
            JsonNode payload = json.readTree(job.payload());
            return switch (job.kind()) {
                case SubscriptionSchedule.RENEW ->
                        new RenewSubscriptionCommand(job.subscription(), Instant.parse(payload.get("periodEnd").asText()));
                case SubscriptionSchedule.RETRY -> new RetrySubscriptionPaymentCommand(job.subscription(),
                        new PaymentId(UUID.fromString(payload.get("failedPaymentId").asText())),
                        payload.get("attempt").asInt());
                case SubscriptionSchedule.END_GRACE -> new EndGracePeriodCommand(job.subscription(),
                        new PaymentId(UUID.fromString(payload.get("failedPaymentId").asText())));
                default -> throw new IllegalStateException("unknown job kind " + job.kind());
            };
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable job " + job.id(), e);
        }
    }

    private record Job(UUID id, String kind, SubscriptionId subscription, String payload) {
    }
}
