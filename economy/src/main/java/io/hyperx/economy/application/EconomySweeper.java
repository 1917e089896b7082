package io.hyperx.economy.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.economy.api.CompletePayoutCommand;
import io.hyperx.economy.api.FailPayoutCommand;
import io.hyperx.economy.api.PayoutId;
import io.hyperx.economy.api.ReleaseHoldCommand;
import io.hyperx.economy.api.WalletId;
import io.hyperx.kernel.Money;
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
 * so it runs once across nodes and survives restarts (an unfinished job is still due). A payout job submits to the
 * provider and then polls it until it is paid or failed. Failures back off a minute per failure.
 */
@Component
public class EconomySweeper {

    private static final Logger log = LoggerFactory.getLogger(EconomySweeper.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final PayoutProvider provider;
    private final EconomySettings settings;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    EconomySweeper(JdbcTemplate jdbc, CommandGateway commands, PlatformTransactionManager transactionManager,
                   PayoutProvider provider, EconomySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.transactions = new TransactionTemplate(transactionManager);
        this.provider = provider;
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
        int ran = 0;
        int failures = 0;
        while (ran < settings.sweepBatch() && failures < settings.sweepBatch()) {
            AtomicReference<UUID> current = new AtomicReference<>();
            Boolean claimed;
            try {
                claimed = transactions.execute(status -> runOne(now, current));
            } catch (RuntimeException e) {
                failures++;
                postpone(current.get(), e);
                continue;
            }
            if (!Boolean.TRUE.equals(claimed)) {
                break;
            }
            ran++;
        }
        return ran;
    }

    private void postpone(UUID jobId, RuntimeException cause) {
        log.warn("Economy job {} failed; it is postponed: {}", jobId, cause.toString());
        if (jobId == null) {
            throw cause;
        }
        jdbc.update("""
                UPDATE economy.scheduled_job SET failures = failures + 1, last_error = ?,
                       due_at = due_at + interval '1 minute' * least(failures + 1, 60)
                WHERE job_id = ?""", String.valueOf(cause.getMessage()), jobId);
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
            case EconomySchedule.PAYOUT -> payout(job, payload, now);
            default -> throw new IllegalStateException("unknown job kind " + job.kind());
        }
        return true;
    }

    private void payout(Job job, JsonNode payload, Instant now) {
        PayoutId payoutId = new PayoutId(UUID.fromString(payload.get("payoutId").asText()));
        JsonNode reference = payload.get("providerReference");
        PayoutProvider.Outcome outcome = reference == null || reference.isNull()
                ? provider.submit(payoutId, job.wallet().creatorId(),
                Money.of(payload.get("amountMinor").asLong() - payload.get("feeMinor").asLong(),
                        payload.get("currency").asText()))
                : provider.status(payoutId, reference.asText());
        switch (outcome.state()) {
            case PENDING -> jdbc.update("""
                            UPDATE economy.scheduled_job
                            SET due_at = ?, payload = jsonb_set(payload, '{providerReference}', to_jsonb(CAST(? AS text)))
                            WHERE job_id = ?""", Timestamp.from(now.plus(settings.payoutPollInterval())),
                    outcome.providerReference(), job.id());
            case PAID -> {
                commands.sendAndWait(new CompletePayoutCommand(job.wallet(), payoutId, outcome.providerReference(),
                        now));
                finish(job, now);
            }
            case FAILED -> {
                commands.sendAndWait(new FailPayoutCommand(job.wallet(), payoutId, outcome.failureReason(), now));
                finish(job, now);
            }
        }
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

    private record Job(UUID id, String kind, WalletId wallet, String payload) {
    }
}
