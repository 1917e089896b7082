package io.hyperx.economy.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Recomputes wallets from the ledger (postings per creator account, lifetime totals per journal entry), reports every
 * wallet row that differs (or is missing, or has no ledger behind it) and repairs the projection. A second run finds
 * nothing.
 */
@Service
public class WalletReconciliation {

    /** One wallet row's stored values against what the ledger says ({@code null} = no such row). */
    public record Discrepancy(UUID creatorId, String currency, long[] stored, long[] fromLedger) {
    }

    private static final String EXPECTED = """
            WITH signed AS (
                SELECT creator_id, currency, account,
                       CASE WHEN side = 'CREDIT' THEN amount_minor ELSE -amount_minor END AS amount
                FROM economy.posting WHERE account LIKE 'creator:%%' %s),
            balances AS (
                SELECT creator_id, currency,
                       sum(CASE WHEN account = 'creator:' || creator_id || ':available' THEN amount ELSE 0 END) AS available,
                       sum(CASE WHEN account = 'creator:' || creator_id || ':pending' THEN amount ELSE 0 END) AS pending,
                       sum(CASE WHEN account = 'creator:' || creator_id || ':reserved' THEN amount ELSE 0 END) AS reserved,
                       -sum(CASE WHEN account = 'creator:' || creator_id || ':receivable' THEN amount ELSE 0 END)
                           AS receivable
                FROM signed GROUP BY creator_id, currency),
            lifetime AS (
                SELECT creator_id, currency, sum(gross_delta_minor) AS gross, sum(net_delta_minor) AS net
                FROM economy.journal_entry WHERE true %s GROUP BY creator_id, currency),
            expected AS (
                SELECT coalesce(b.creator_id, l.creator_id) AS creator_id, coalesce(b.currency, l.currency) AS currency,
                       coalesce(b.available, 0) AS available, coalesce(b.pending, 0) AS pending,
                       coalesce(b.reserved, 0) AS reserved, coalesce(b.receivable, 0) AS receivable,
                       coalesce(l.gross, 0) AS gross, coalesce(l.net, 0) AS net
                FROM balances b FULL JOIN lifetime l ON l.creator_id = b.creator_id AND l.currency = b.currency)
            SELECT coalesce(e.creator_id, w.creator_id) AS creator_id, coalesce(e.currency, w.currency) AS currency,
                   w.creator_id IS NOT NULL AS has_row, e.creator_id IS NOT NULL AS has_ledger,
                   w.available_minor, w.pending_minor, w.reserved_minor, w.receivable_minor, w.lifetime_gross_minor,
                   w.lifetime_net_minor, e.available, e.pending, e.reserved, e.receivable, e.gross, e.net
            FROM expected e FULL JOIN (SELECT * FROM economy.wallet WHERE true %s) w
                 ON w.creator_id = e.creator_id AND w.currency = e.currency
            WHERE w.creator_id IS NULL OR e.creator_id IS NULL
               OR (w.available_minor, w.pending_minor, w.reserved_minor, w.receivable_minor, w.lifetime_gross_minor,
                   w.lifetime_net_minor)
                  IS DISTINCT FROM (e.available, e.pending, e.reserved, e.receivable, e.gross, e.net)
            ORDER BY 1, 2""";

    private final JdbcTemplate jdbc;

    WalletReconciliation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every discrepancy of {@code creatorId}'s wallets (all creators when {@code null}), repaired. */
    @Transactional
    public List<Discrepancy> reconcile(UUID creatorId) {
        String filter = creatorId == null ? "" : "AND creator_id = ?";
        String sql = EXPECTED.formatted(filter, filter, filter);
        Object[] args = creatorId == null ? new Object[0] : new Object[]{creatorId, creatorId, creatorId};
        List<Discrepancy> found = jdbc.query(sql, (row, i) -> new Discrepancy(
                row.getObject("creator_id", UUID.class), row.getString("currency"),
                row.getBoolean("has_row") ? new long[]{row.getLong("available_minor"), row.getLong("pending_minor"),
                        row.getLong("reserved_minor"), row.getLong("receivable_minor"),
                        row.getLong("lifetime_gross_minor"), row.getLong("lifetime_net_minor")} : null,
                row.getBoolean("has_ledger") ? new long[]{row.getLong("available"), row.getLong("pending"),
                        row.getLong("reserved"), row.getLong("receivable"), row.getLong("gross"),
                        row.getLong("net")} : null), args);
        for (Discrepancy discrepancy : found) {
            if (discrepancy.fromLedger() == null) {
                jdbc.update("DELETE FROM economy.wallet WHERE creator_id = ? AND currency = ?",
                        discrepancy.creatorId(), discrepancy.currency());
                continue;
            }
            long[] v = discrepancy.fromLedger();
            jdbc.update("""
                            INSERT INTO economy.wallet (creator_id, currency, available_minor, pending_minor,
                                                        reserved_minor, receivable_minor, lifetime_gross_minor,
                                                        lifetime_net_minor, updated_at, applied_seq)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, now(), (SELECT coalesce(max(wallet_seq), -1)
                                                                    FROM economy.journal_entry WHERE creator_id = ?))
                            ON CONFLICT (creator_id, currency) DO UPDATE SET available_minor = EXCLUDED.available_minor,
                                pending_minor = EXCLUDED.pending_minor, reserved_minor = EXCLUDED.reserved_minor,
                                receivable_minor = EXCLUDED.receivable_minor,
                                lifetime_gross_minor = EXCLUDED.lifetime_gross_minor,
                                lifetime_net_minor = EXCLUDED.lifetime_net_minor,
                                applied_seq = EXCLUDED.applied_seq""",
                    discrepancy.creatorId(), discrepancy.currency(), v[0], v[1], v[2], v[3], v[4], v[5],
                    discrepancy.creatorId());
        }
        return found;
    }
}
