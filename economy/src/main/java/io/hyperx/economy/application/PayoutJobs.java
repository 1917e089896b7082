package io.hyperx.economy.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperx.economy.api.CompletePayoutCommand;
import io.hyperx.economy.api.FailPayoutCommand;
import io.hyperx.economy.api.PayoutId;
import io.hyperx.economy.api.RecordPayoutAttemptFailureCommand;
import io.hyperx.economy.api.RequestPayoutCommand;
import io.hyperx.economy.api.WalletId;
import io.hyperx.economy.domain.FeeSchedule;
import io.hyperx.kernel.Ids;
import io.hyperx.kernel.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The payout jobs of {@code economy.scheduled_job}, run by {@link EconomySweeper} inside its claiming transaction.
 * <ul>
 * <li>{@code PAYOUT}: one attempt at the provider, polled until paid or failed. A failed attempt keeps the funds
 * reserved and is tried again (a new provider operation) after {@code payoutRetryBackoff * 2^n}, to the destination
 * in place then; after {@code payoutMaxRetries} retries the payout fails for good and the funds return to
 * available.</li>
 * <li>{@code DAILY_PAYOUTS}: one row per day at 00:00 UTC (deterministic id, so every node writes the same row and
 * one claims it), fanning out one {@code AUTO_PAYOUT} job per eligible creator and currency (deterministic ids
 * again), and writing the next day's row.</li>
 * <li>{@code AUTO_PAYOUT}: pays out the creator's whole available balance with a payout id derived from creator,
 * currency and day, so a second run of the same day is refused by the wallet's own idempotency.</li>
 * </ul>
 */
@Component
class PayoutJobs {

    static final String DAILY_PAYOUTS = "DAILY_PAYOUTS";
    static final String AUTO_PAYOUT = "AUTO_PAYOUT";
    static final UUID PLATFORM = new UUID(0, 0);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final PayoutProvider provider;
    private final PayoutDestinations destinations;
    private final EconomySettings settings;
    private final FeeSchedule fees;

    PayoutJobs(JdbcTemplate jdbc, CommandGateway commands, PayoutProvider provider, PayoutDestinations destinations,
               EconomySettings settings, FeeSchedule fees) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.provider = provider;
        this.destinations = destinations;
        this.settings = settings;
        this.fees = fees;
    }

    static UUID payoutJobId(PayoutId payoutId) {
        return Ids.deterministic("economy-job", EconomySchedule.PAYOUT, payoutId.toString());
    }

    static PayoutId dailyPayoutId(UUID creatorId, String currency, LocalDate day) {
        return new PayoutId(Ids.deterministic("economy-payout", creatorId.toString(), "daily:" + currency + ":" + day));
    }

    /** Writes the row of the next daily run after {@code now} (every node may; the id makes it one row). */
    void ensureNextDailyRun(Instant now) {
        LocalDate next = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        jdbc.update("""
                        INSERT INTO economy.scheduled_job (job_id, kind, creator_id, due_at, payload)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT (job_id) DO NOTHING""",
                Ids.deterministic("economy-job", DAILY_PAYOUTS, next.toString()), DAILY_PAYOUTS, PLATFORM,
                Timestamp.from(next.atStartOfDay(ZoneOffset.UTC).toInstant()), "{\"day\":\"" + next + "\"}");
    }

    /** Runs a PAYOUT job once; answers true when the job is finished. */
    boolean payout(EconomySweeper.Job job, JsonNode payload, Instant now) {
        PayoutId payoutId = new PayoutId(UUID.fromString(payload.get("payoutId").asText()));
        int attempt = payload.path("attempt").asInt(0);
        JsonNode reference = payload.get("providerReference");
        JsonNode chosen = payload.get("destinationId");
        Optional<PayoutDestinations.Stored> destination = chosen == null || chosen.isNull()
                ? destinations.current(job.wallet().creatorId())
                : destinations.byId(UUID.fromString(chosen.asText()));
        if (destination.isEmpty()) {
            return failed(job, payoutId, attempt, "no_payout_destination", now);
        }
        Money amount = Money.of(payload.get("amountMinor").asLong() - payload.get("feeMinor").asLong(),
                payload.get("currency").asText());
        PayoutProvider.Transfer transfer = new PayoutProvider.Transfer(payoutId, attempt, job.wallet().creatorId(),
                destination.get().destination(), amount, payload.path("instant").asBoolean(true));
        PayoutProvider.Outcome outcome = reference == null || reference.isNull() ? provider.submit(transfer)
                : provider.status(transfer, reference.asText());
        return switch (outcome.state()) {
            case PENDING -> {
                jdbc.update("""
                                UPDATE economy.scheduled_job SET due_at = ?,
                                    payload = payload || jsonb_build_object('providerReference', CAST(? AS text),
                                                                            'destinationId', CAST(? AS text))
                                WHERE job_id = ?""", Timestamp.from(now.plus(settings.payoutPollInterval())),
                        outcome.providerReference(), destination.get().id().toString(), job.id());
                yield false;
            }
            case PAID -> {
                commands.sendAndWait(new CompletePayoutCommand(job.wallet(), payoutId, outcome.providerReference(),
                        now));
                yield true;
            }
            case FAILED -> failed(job, payoutId, attempt, outcome.failureReason(), now);
        };
    }

    private boolean failed(EconomySweeper.Job job, PayoutId payoutId, int attempt, String reason, Instant now) {
        if (attempt >= settings.payoutMaxRetries()) {
            commands.sendAndWait(new FailPayoutCommand(job.wallet(), payoutId, reason, now));
            return true;
        }
        Instant next = now.plus(settings.payoutRetryBackoff().multipliedBy(1L << Math.min(attempt, 20)));
        commands.sendAndWait(new RecordPayoutAttemptFailureCommand(job.wallet(), payoutId, attempt + 1, reason, next,
                now));
        jdbc.update("""
                UPDATE economy.scheduled_job SET due_at = ?,
                    payload = (payload - 'providerReference' - 'destinationId') || jsonb_build_object('attempt', ?)
                WHERE job_id = ?""", Timestamp.from(next), attempt + 1, job.id());
        return false;
    }

    /** The day's run: one AUTO_PAYOUT job per eligible creator and currency, then the next day's row. */
    void daily(JsonNode payload, Instant now) {
        LocalDate day = LocalDate.parse(payload.get("day").asText());
        for (Candidate candidate : candidates("", new Object[0])) {
            if (eligible(candidate)) {
                jdbc.update("""
                                INSERT INTO economy.scheduled_job (job_id, kind, creator_id, due_at, payload)
                                VALUES (?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT (job_id) DO NOTHING""",
                        Ids.deterministic("economy-job", AUTO_PAYOUT, candidate.creatorId() + ":"
                                + candidate.currency() + ":" + day), AUTO_PAYOUT, candidate.creatorId(),
                        Timestamp.from(now), "{\"day\":\"" + day + "\",\"currency\":\"" + candidate.currency() + "\"}");
            }
        }
        ensureNextDailyRun(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Pays out the whole available balance in one currency, if the creator is still eligible. */
    void auto(EconomySweeper.Job job, JsonNode payload, Instant now) {
        UUID creator = job.wallet().creatorId();
        String currency = payload.get("currency").asText();
        PayoutId payoutId = dailyPayoutId(creator, currency, LocalDate.parse(payload.get("day").asText()));
        UUID payoutJob = payoutJobId(payoutId);
        Boolean known = jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM economy.scheduled_job WHERE job_id = ?)
                    OR EXISTS (SELECT 1 FROM economy.payout WHERE payout_id = ?)""", Boolean.class, payoutJob,
                payoutId.value());
        if (Boolean.TRUE.equals(known)) {
            return; // paid out today already: the payout job is written in the payout's transaction
        }
        List<Candidate> still = candidates(" AND s.creator_id = ? AND w.currency = ?", creator, currency);
        if (still.isEmpty() || !eligible(still.get(0))) {
            return;
        }
        Money amount = Money.of(still.get(0).available(), currency);
        // written before the payout so that it is a standard (not instant) payout; EconomySchedule's row for the
        // same payout then conflicts and is skipped. Same transaction as the command: both or neither.
        jdbc.update("""
                        INSERT INTO economy.scheduled_job (job_id, kind, creator_id, due_at, payload)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT (job_id) DO NOTHING""",
                payoutJob, EconomySchedule.PAYOUT, creator, Timestamp.from(now),
                "{\"payoutId\":\"" + payoutId + "\",\"amountMinor\":" + amount.amountMinor() + ",\"feeMinor\":0,"
                        + "\"currency\":\"" + currency + "\",\"instant\":false}");
        commands.sendAndWait(new RequestPayoutCommand(WalletId.of(creator), payoutId, amount, false, now));
    }

    /** Creators with auto-payout on, an available balance and a destination in place. */
    private List<Candidate> candidates(String condition, Object... args) {
        return jdbc.query("""
                        SELECT s.creator_id, w.currency, w.available_minor, s.minimum_minor, s.minimum_currency
                        FROM economy.payout_settings s JOIN economy.wallet w ON w.creator_id = s.creator_id
                        WHERE s.daily_auto_payout AND w.available_minor > 0
                          AND EXISTS (SELECT 1 FROM economy.payout_destination d
                                      WHERE d.creator_id = s.creator_id AND d.removed_at IS NULL)""" + condition,
                (row, i) -> new Candidate(row.getObject("creator_id", UUID.class), row.getString("currency"),
                        row.getLong("available_minor"), (Long) row.getObject("minimum_minor"),
                        row.getString("minimum_currency")), args);
    }

    /** At least the platform's payout minimum and the creator's own minimum (when set in this currency). */
    private boolean eligible(Candidate candidate) {
        long global = fees.payoutMinimumIn(java.util.Currency.getInstance(candidate.currency())).amountMinor();
        long own = candidate.currency().equals(candidate.minimumCurrency()) && candidate.minimumMinor() != null
                ? candidate.minimumMinor() : 0;
        return candidate.available() >= Math.max(global, own);
    }

    private record Candidate(UUID creatorId, String currency, long available, Long minimumMinor,
                             String minimumCurrency) {
    }
}
