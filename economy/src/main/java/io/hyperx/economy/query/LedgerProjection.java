package io.hyperx.economy.query;

import io.hyperx.economy.api.BalanceView;
import io.hyperx.economy.api.CurrencyBalance;
import io.hyperx.economy.api.FindBalanceQuery;
import io.hyperx.economy.api.FindLedgerQuery;
import io.hyperx.economy.api.LedgerAccounts;
import io.hyperx.economy.api.LedgerEvent;
import io.hyperx.economy.api.LedgerLine;
import io.hyperx.economy.api.LedgerPage;
import io.hyperx.economy.api.PaymentCredited;
import io.hyperx.economy.api.Posting;
import io.hyperx.economy.api.RefundDebited;
import io.hyperx.economy.api.Side;
import io.hyperx.economy.application.EconomyConfiguration;
import io.hyperx.kernel.Money;
import io.hyperx.kernel.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * The ledger's read side: every journal entry with its postings, and each creator's wallet per currency, written in
 * JDBC batches per processor batch ({@link ProjectionWrites}). Idempotent per event, not per batch: a redelivered
 * entry changes nothing, since its entry and postings exist already and a wallet's totals grow only with a new entry
 * row. Times are the events' own, so a replay writes the same rows.
 */
@Component
@ProcessingGroup(EconomyConfiguration.PROCESSING_GROUP)
@ProjectionTables({"economy.posting", "economy.journal_entry", "economy.wallet"})
public class LedgerProjection {

    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;

    LedgerProjection(JdbcTemplate jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(LedgerEvent event, @SequenceNumber Long sequence) {
        UUID creator = event.walletId().creatorId();
        UUID entryId = event.entry().entryId();
        List<Posting> postings = event.entry().postings();
        String currency = postings.get(0).amount().currency().getCurrencyCode();
        long grossDelta = 0;
        long netDelta = 0;
        UUID paymentId = null;
        if (event instanceof PaymentCredited credited) {
            paymentId = credited.paymentId().value();
            grossDelta = credited.gross().amountMinor();
            netDelta = credited.net().amountMinor();
        } else if (event instanceof RefundDebited refund) {
            paymentId = refund.paymentId().value();
            grossDelta = -refund.amount().amountMinor();
            netDelta = -refund.netReversed().amountMinor();
        }
        Timestamp at = Timestamp.from(event.occurredAt());
        long seq = sequence == null ? 0 : sequence;
        Map<String, WalletDelta> deltas = new TreeMap<>();
        for (Posting posting : postings) {
            deltas.merge(posting.amount().currency().getCurrencyCode(), WalletDelta.of(posting, creator),
                    WalletDelta::plus);
        }
        deltas.merge(currency, new WalletDelta(0, 0, 0, 0, grossDelta, netDelta), WalletDelta::plus);

        writes.add(ENTRY_AND_WALLET, entryId, creator, event.entry().kind(), paymentId, seq, at, currency,
                grossDelta, netDelta, creator, at, seq, deltas.keySet().toArray(String[]::new),
                column(deltas, WalletDelta::available), column(deltas, WalletDelta::pending),
                column(deltas, WalletDelta::reserved), column(deltas, WalletDelta::receivable),
                column(deltas, WalletDelta::gross),
                column(deltas, WalletDelta::net));
        for (int line = 0; line < postings.size(); line++) {
            Posting posting = postings.get(line);
            writes.add("""
                            INSERT INTO economy.posting (entry_id, line_no, creator_id, account, side, currency,
                                                         amount_minor, occurred_at, wallet_seq)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id, line_no) DO NOTHING""",
                    entryId, line, creator, posting.account(), posting.side().name(),
                    posting.amount().currency().getCurrencyCode(), posting.amount().amountMinor(), at, seq);
        }
    }

    /**
     * The journal entry, and the wallet totals only when the entry row is new: an event delivered again, alone or in a
     * batch with newer ones (a batch replayed after a crash), finds its entry and adds nothing. One statement per
     * event (a {@code WITH} is not rewritten into a multi-row insert, so one batch may update a wallet row twice).
     */
    private static final String ENTRY_AND_WALLET = """
            WITH entry AS (
                INSERT INTO economy.journal_entry (entry_id, creator_id, kind, payment_id, wallet_seq, occurred_at,
                                                   currency, gross_delta_minor, net_delta_minor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO NOTHING RETURNING entry_id)
            INSERT INTO economy.wallet AS w (creator_id, currency, available_minor, pending_minor, reserved_minor,
                                             receivable_minor, lifetime_gross_minor, lifetime_net_minor, updated_at,
                                             applied_seq)
            SELECT ?, d.currency, d.available, d.pending, d.reserved, d.receivable, d.gross, d.net, ?, ?
            FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                     AS d (currency, available, pending, reserved, receivable, gross, net)
            WHERE EXISTS (SELECT FROM entry)
            ON CONFLICT (creator_id, currency) DO UPDATE SET
                available_minor = w.available_minor + EXCLUDED.available_minor,
                pending_minor = w.pending_minor + EXCLUDED.pending_minor,
                reserved_minor = w.reserved_minor + EXCLUDED.reserved_minor,
                receivable_minor = w.receivable_minor + EXCLUDED.receivable_minor,
                lifetime_gross_minor = w.lifetime_gross_minor + EXCLUDED.lifetime_gross_minor,
                lifetime_net_minor = w.lifetime_net_minor + EXCLUDED.lifetime_net_minor,
                updated_at = greatest(w.updated_at, EXCLUDED.updated_at),
                applied_seq = greatest(w.applied_seq, EXCLUDED.applied_seq)""";

    private static long[] column(Map<String, WalletDelta> deltas, ToLongFunction<WalletDelta> field) {
        return deltas.values().stream().mapToLong(field).toArray();
    }

    /** What one event adds to a wallet row of one currency; {@code receivable} counts what the creator owes. */
    private record WalletDelta(long available, long pending, long reserved, long receivable, long gross, long net) {

        static WalletDelta of(Posting posting, UUID creator) {
            long amount = posting.creditNormalMinor();
            String account = posting.account();
            return new WalletDelta(account.equals(LedgerAccounts.available(creator)) ? amount : 0,
                    account.equals(LedgerAccounts.pending(creator)) ? amount : 0,
                    account.equals(LedgerAccounts.reserved(creator)) ? amount : 0,
                    account.equals(LedgerAccounts.receivable(creator)) ? -amount : 0, 0, 0);
        }

        WalletDelta plus(WalletDelta other) {
            return new WalletDelta(available + other.available, pending + other.pending,
                    reserved + other.reserved, receivable + other.receivable, gross + other.gross, net + other.net);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE economy.posting, economy.journal_entry, economy.wallet");
    }

    @QueryHandler
    public BalanceView handle(FindBalanceQuery query) {
        if (query.asOf() == null) {
            return new BalanceView(query.creatorId(), null, jdbc.query("""
                            SELECT currency, available_minor, pending_minor, reserved_minor, receivable_minor,
                                   lifetime_gross_minor, lifetime_net_minor
                            FROM economy.wallet WHERE creator_id = ? ORDER BY currency""",
                    (row, i) -> balance(row.getString("currency"), row.getLong("available_minor"),
                            row.getLong("pending_minor"), row.getLong("reserved_minor"),
                            row.getLong("receivable_minor"), row.getLong("lifetime_gross_minor"),
                            row.getLong("lifetime_net_minor")),
                    query.creatorId()));
        }
        return new BalanceView(query.creatorId(), query.asOf(), balancesAsOf(query.creatorId(), query.asOf()));
    }

    /** The balances as the postings up to {@code asOf} (by the events' time) make them. */
    public List<CurrencyBalance> balancesAsOf(UUID creatorId, Instant asOf) {
        Timestamp at = Timestamp.from(asOf == null ? Instant.parse("9999-12-31T00:00:00Z") : asOf);
        return jdbc.query("""
                        WITH p AS (
                            SELECT currency,
                                   sum(CASE WHEN account = ? THEN signed END) AS available,
                                   sum(CASE WHEN account = ? THEN signed END) AS pending,
                                   sum(CASE WHEN account = ? THEN signed END) AS reserved,
                                   -sum(CASE WHEN account = ? THEN signed END) AS receivable
                            FROM (SELECT currency, account,
                                         CASE WHEN side = 'CREDIT' THEN amount_minor ELSE -amount_minor END AS signed
                                  FROM economy.posting
                                  WHERE creator_id = ? AND account LIKE 'creator:%' AND occurred_at <= ?) s
                            GROUP BY currency),
                        e AS (
                            SELECT currency, sum(gross_delta_minor) AS gross, sum(net_delta_minor) AS net
                            FROM economy.journal_entry WHERE creator_id = ? AND occurred_at <= ? GROUP BY currency)
                        SELECT coalesce(p.currency, e.currency) AS currency,
                               coalesce(p.available, 0) AS available, coalesce(p.pending, 0) AS pending,
                               coalesce(p.reserved, 0) AS reserved, coalesce(p.receivable, 0) AS receivable,
                               coalesce(e.gross, 0) AS gross,
                               coalesce(e.net, 0) AS net
                        FROM p FULL JOIN e ON p.currency = e.currency
                        ORDER BY 1""",
                (row, i) -> balance(row.getString("currency"), row.getLong("available"), row.getLong("pending"),
                        row.getLong("reserved"), row.getLong("receivable"), row.getLong("gross"), row.getLong("net")),
                LedgerAccounts.available(creatorId), LedgerAccounts.pending(creatorId),
                LedgerAccounts.reserved(creatorId), LedgerAccounts.receivable(creatorId), creatorId, at, creatorId,
                at);
    }

    @QueryHandler
    public LedgerPage handle(FindLedgerQuery query) {
        Paging paging = Paging.of(query.page(), query.size());
        Long total = jdbc.queryForObject("""
                SELECT count(*) FROM economy.posting WHERE creator_id = ? AND account LIKE 'creator:%'""",
                Long.class, query.creatorId());
        List<LedgerLine> lines = jdbc.query("""
                        SELECT * FROM (
                            SELECT p.entry_id, e.kind, p.account, p.side, p.currency, p.amount_minor, p.occurred_at,
                                   p.wallet_seq, p.line_no,
                                   sum(CASE WHEN p.side = 'CREDIT' THEN p.amount_minor ELSE -p.amount_minor END)
                                       OVER (PARTITION BY p.account, p.currency ORDER BY p.wallet_seq, p.line_no)
                                       AS running_balance
                            FROM economy.posting p JOIN economy.journal_entry e ON e.entry_id = p.entry_id
                            WHERE p.creator_id = ? AND p.account LIKE 'creator:%') lines
                        ORDER BY wallet_seq DESC, line_no DESC LIMIT ? OFFSET ?""",
                (row, i) -> new LedgerLine(row.getObject("entry_id", UUID.class), row.getString("kind"),
                        row.getString("account"), Side.valueOf(row.getString("side")),
                        Money.of(row.getLong("amount_minor"), row.getString("currency")),
                        Money.of(row.getLong("running_balance"), row.getString("currency")),
                        row.getTimestamp("occurred_at").toInstant()),
                query.creatorId(), paging.size(), paging.offset());
        return new LedgerPage(lines, paging.pagination(total == null ? 0 : total));
    }

    private static CurrencyBalance balance(String currency, long available, long pending, long reserved,
                                           long receivable, long gross, long net) {
        return new CurrencyBalance(currency, Money.of(available, currency), Money.of(pending, currency),
                Money.of(reserved, currency), Money.of(receivable, currency), Money.of(gross, currency),
                Money.of(net, currency));
    }
}
