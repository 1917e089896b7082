package io.hyperx.economy.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.economy.api.ReleaseHoldCommand;
import io.hyperx.economy.api.WalletId;
import io.hyperx.subscription.api.PaymentId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs due jobs of {@code economy.scheduled_job} (the same pattern as the subscription context's due-date sweeper):
 * each job is claimed with {@code FOR UPDATE SKIP LOCKED}, its command sent and the job finished in one transaction,
 * so it runs once across nodes and survives restarts (an unfinished job is still due). Payout jobs (attempts, polls,
 * retries, the daily auto-payout) are {@link PayoutJobs}. A job that throws (the provider unreachable, a lost race)
 * is postponed a minute per failure, counted from now (not from its old due time, which would make an overdue
 * job due again at once).
 */
@Component
public class EconomySweeper {

    private static final Logger log = LoggerFactory.getLogger(EconomySweeper.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final PayoutJobs payouts;
    private final EconomySettings settings;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    EconomySweeper(JdbcTemplate jdbc, CommandGateway commands, PlatformTransactionManager transactionManager,
                   PayoutJobs payouts, EconomySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.transactions = new TransactionTemplate(transactionManager);
        this.payouts = payouts;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hyperx.economy.sweep-interval:PT10S}",
            initialDelayString = "${hyperx.economy.sweep-interval:PT10S}")
    void sweep() {
        runDue(clock.instant());
    }

    /** Runs every job due at {@code now} (up to the batch size) and answers how many ran. */
    public int runDue(Instant now) {
        payouts.ensureNextDailyRun(now);
        int ran = 0;
        int failures = 0;
        while (ran < settings.sweepBatch() && failures < settings.sweepBatch()) {
            AtomicReference<UUID> current = new AtomicReference<>();
            Boolean claimed;
            try {
                claimed = transactions.execute(status -> runOne(now, current));
            } catch (RuntimeException e) {
                failures++;
                postpone(current.get(), now, e);
                continue;
            }
            if (!Boolean.TRUE.equals(claimed)) {
                break;
            }
            ran++;
        }
        return ran;
    }

    private void postpone(UUID jobId, Instant now, RuntimeException cause) {
        log.warn("Economy job {} failed; it is postponed: {}", jobId, cause.toString());
        if (jobId == null) {
            throw cause;
        }
        jdbc.update("""
                UPDATE economy.scheduled_job SET failures = failures + 1, last_error = ?,
                       due_at = ?::timestamptz + interval '1 minute' * least(failures + 1, 60)
                WHERE job_id = ?""", String.valueOf(cause.getMessage()), Timestamp.from(now), jobId);
    }

    private boolean runOne(Instant now, AtomicReference<UUID> current) {
        List<Job> jobs = jdbc.query("""
                        SELECT job_id, kind, creator_id, payload::text AS payload FROM economy.scheduled_job
                        WHERE done_at IS NULL AND due_at <= ? ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED""",
                (row, i) -> new Job(row.getObject("job_id", UUID.class), row.getString("kind"),
                        WalletId.of(row.getObject("creator_id", UUID.class)), row.getString("payload")),
                Timestamp.from(now));
        if (jobs.isEmpty()) {
            return false;
        }
        Job job = jobs.get(0);
        current.set(job.id());
        JsonNode payload = read(job);
        switch (job.kind()) {
            case EconomySchedule.RELEASE_HOLD -> {
                commands.sendAndWait(new ReleaseHoldCommand(job.wallet(),
                        new PaymentId(UUID.fromString(payload.get("paymentId").asText())), now));
                finish(job, now);
            }
            case EconomySchedule.PAYOUT -> {
                if (payouts.payout(job, payload, now)) {
                    finish(job, now);
                }
            }
            case PayoutJobs.DAILY_PAYOUTS -> {
                payouts.daily(payload, now);
                finish(job, now);
            }
            case PayoutJobs.AUTO_PAYOUT -> {
                payouts.auto(job, payload, now);
                finish(job, now);
            }
            default -> throw new IllegalStateException("unknown job kind " + job.kind());
        }
        return true;
    }

    private void finish(Job job, Instant now) {
        jdbc.update("UPDATE economy.scheduled_job SET done_at = ? WHERE job_id = ?", Timestamp.from(now), job.id());
    }

    private JsonNode read(Job job) {
        try {
            return json.readTree(job.payload());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable job " + job.id(), e);
        }
    }

    record Job(UUID id, String kind, WalletId wallet, String payload) {
    }
}
