package io.hyperx.subscription.application;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Finds subscriptions whose state disagrees with their payments or their due-date jobs, marks each finding in
 * {@code subscription.reconciliation_finding} (resolving the ones a run no longer sees) and reports them. It repairs
 * nothing: each finding names what an operator should look at (docs/operations.md).
 */
@Component
public class SubscriptionReconciliation {

    /** Room for the asynchronous reactions (schedule, projections) to catch up before a gap counts. */
    static final Duration SETTLING = Duration.ofMinutes(5);

    /** How long after its period end an active subscription may wait for its renewal to be charged. */
    static final Duration RENEWAL_ROOM = Duration.ofHours(1);

    private static final String FINDINGS = """
            SELECT s.id, 'renewal_not_scheduled' AS finding,
                   s.status || ' until ' || s.current_period_end || ' with no renewal scheduled' AS detail
            FROM subscription.subscription_view s
            WHERE s.status IN ('ACTIVE', 'TRIALING') AND NOT s.cancel_at_period_end AND s.updated_at < ?
              AND NOT EXISTS (SELECT 1 FROM subscription.scheduled_job j
                              WHERE j.subscription_id = s.id AND j.kind = 'RENEW' AND j.done_at IS NULL)
            UNION ALL
            SELECT s.id, 'renewal_overdue', 'period ended at ' || s.current_period_end || ', still ACTIVE'
            FROM subscription.subscription_view s
            WHERE s.status = 'ACTIVE' AND s.current_period_end < ?
            UNION ALL
            SELECT s.id, 'grace_end_not_scheduled',
                   'in grace until ' || s.grace_ends_at || ' with no end of grace scheduled'
            FROM subscription.subscription_view s
            WHERE s.status = 'GRACE_PERIOD' AND s.updated_at < ?
              AND NOT EXISTS (SELECT 1 FROM subscription.scheduled_job j
                              WHERE j.subscription_id = s.id AND j.kind = 'END_GRACE' AND j.done_at IS NULL)
            UNION ALL
            SELECT s.id, 'paid_but_pending', 'initial payment ' || p.id || ' succeeded, subscription still PENDING'
            FROM subscription.subscription_view s
            JOIN subscription.payment_view p ON p.purpose_reference = s.id AND p.purpose = 'SUBSCRIPTION_INITIAL'
            WHERE s.status = 'PENDING' AND p.status = 'SUCCEEDED' AND p.updated_at < ?
            UNION ALL
            SELECT s.id, 'active_without_payment',
                   'active at ' || s.price_minor || ' ' || s.currency || ' with no succeeded payment'
            FROM subscription.subscription_view s
            WHERE s.status = 'ACTIVE' AND s.price_minor > 0 AND s.updated_at < ?
              AND NOT EXISTS (SELECT 1 FROM subscription.payment_view p
                              WHERE p.purpose_reference = s.id
                                AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED'))
            ORDER BY 1, 2""";

    private final JdbcTemplate jdbc;

    SubscriptionReconciliation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Report reconcile() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Timestamp settled = Timestamp.from(now.minus(SETTLING));
        List<Finding> found = jdbc.query(FINDINGS, (row, i) -> new Finding(row.getObject(1, UUID.class),
                        row.getString(2), row.getString(3), now), settled,
                Timestamp.from(now.minus(RENEWAL_ROOM)), settled, settled, settled);
        List<Finding> marked = found.stream().map(finding -> mark(finding, now)).toList();
        int resolved = jdbc.update("""
                UPDATE subscription.reconciliation_finding SET resolved_at = ?
                WHERE resolved_at IS NULL AND last_found_at < ?""", Timestamp.from(now), Timestamp.from(now));
        long checked = jdbc.queryForObject("SELECT count(*) FROM subscription.subscription_view", Long.class);
        return new Report(now, checked, marked, resolved);
    }

    private Finding mark(Finding finding, Instant now) {
        Timestamp firstFound = jdbc.queryForObject("""
                        INSERT INTO subscription.reconciliation_finding
                            (subscription_id, finding, detail, first_found_at, last_found_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (subscription_id, finding) DO UPDATE
                        SET detail = EXCLUDED.detail, last_found_at = EXCLUDED.last_found_at, resolved_at = NULL,
                            first_found_at = CASE WHEN reconciliation_finding.resolved_at IS NULL
                                                  THEN reconciliation_finding.first_found_at
                                                  ELSE EXCLUDED.first_found_at END
                        RETURNING first_found_at""", Timestamp.class,
                finding.subscriptionId(), finding.finding(), finding.detail(), Timestamp.from(now),
                Timestamp.from(now));
        return new Finding(finding.subscriptionId(), finding.finding(), finding.detail(), firstFound.toInstant());
    }

    /** One disagreement; {@code firstFoundAt} is when a run first saw it (it stays open until a run does not). */
    public record Finding(UUID subscriptionId, String finding, String detail, Instant firstFoundAt) {
    }

    /** What one run saw: the open findings and how many earlier ones it no longer sees. */
    public record Report(Instant checkedAt, long subscriptionsChecked, List<Finding> findings, int resolved) {
    }
}
