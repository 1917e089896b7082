package io.hyperx.economy.domain;

import io.hyperx.economy.api.ChangeCreatorFeesCommand;
import io.hyperx.economy.api.ChangePayoutSettingsCommand;
import io.hyperx.economy.api.CompletePayoutCommand;
import io.hyperx.economy.api.CreatorFeesChanged;
import io.hyperx.economy.api.FailPayoutCommand;
import io.hyperx.economy.api.HoldReleased;
import io.hyperx.economy.api.JournalEntry;
import io.hyperx.economy.api.LedgerAccounts;
import io.hyperx.economy.api.PaymentCredited;
import io.hyperx.economy.api.PayoutAttemptFailed;
import io.hyperx.economy.api.PayoutCompleted;
import io.hyperx.economy.api.PayoutDestinationRegistered;
import io.hyperx.economy.api.PayoutDestinationRemoved;
import io.hyperx.economy.api.PayoutFailed;
import io.hyperx.economy.api.PayoutId;
import io.hyperx.economy.api.PayoutRequested;
import io.hyperx.economy.api.PayoutSettingsChanged;
import io.hyperx.economy.api.Posting;
import io.hyperx.economy.api.RecordPaymentCreditCommand;
import io.hyperx.economy.api.RecordPayoutAttemptFailureCommand;
import io.hyperx.economy.api.RecordRefundDebitCommand;
import io.hyperx.economy.api.RefundDebited;
import io.hyperx.economy.api.RegisterPayoutDestinationCommand;
import io.hyperx.economy.api.ReleaseHoldCommand;
import io.hyperx.economy.api.RemovePayoutDestinationCommand;
import io.hyperx.economy.api.Side;
import io.hyperx.economy.api.RequestPayoutCommand;
import io.hyperx.economy.api.WalletId;
import io.hyperx.kernel.Ids;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.PaymentId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A creator's wallet: every journal entry touching the creator's accounts is decided here, one command at a time, so
 * concurrent payouts can never overdraw (the event store's unique (aggregate, sequence) key serialises writers across
 * nodes). It remembers which payments, refunds and payouts it has applied, so a redelivered or replayed cause writes
 * no second entry.
 */
@Aggregate(cache = "walletCache")
public class Wallet {

    @AggregateIdentifier
    private WalletId walletId;
    private final Map<Currency, Balances> balances = new HashMap<>();
    private final Map<PaymentId, Credit> credits = new HashMap<>();
    private final Set<UUID> refundIds = new HashSet<>();
    private final Map<PayoutId, Payout> payouts = new HashMap<>();
    private final Set<UUID> destinations = new HashSet<>();
    private Integer platformFeeBps;
    private Integer charityBps;

    protected Wallet() {
    }

    /** Entry ids derive from the cause, so the same cause always names the same entry. */
    public static UUID paymentEntryId(PaymentId paymentId) {
        return Ids.deterministic("economy-entry", "payment", paymentId.toString());
    }

    public static UUID refundEntryId(UUID refundId) {
        return Ids.deterministic("economy-entry", "refund", refundId.toString());
    }

    public static UUID releaseEntryId(PaymentId paymentId) {
        return Ids.deterministic("economy-entry", "release", paymentId.toString());
    }

    public static UUID payoutEntryId(PayoutId payoutId, String step) {
        return Ids.deterministic("economy-entry", "payout-" + step, payoutId.toString());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordPaymentCreditCommand command, FeeSchedule fees) {
        if (credits.containsKey(command.paymentId())) {
            return; // the same payment again: one entry
        }
        UUID creator = command.walletId().creatorId();
        PaymentSplitPolicy.Parts parts = PaymentSplitPolicy.split(command.gross(), command.processorFee(),
                fees.processorFeeBps(), fees.processorFeeFixedMinor(),
                platformFeeBps != null ? platformFeeBps : fees.platformFeeBps(),
                charityBps != null ? charityBps : fees.charityBps());
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.debit(LedgerAccounts.GATEWAY_CLEARING, command.gross()));
        credit(postings, LedgerAccounts.PROCESSOR_FEES, parts.processorFee());
        credit(postings, LedgerAccounts.PLATFORM_FEES, parts.platformFee());
        credit(postings, LedgerAccounts.PLATFORM_CHARITY, parts.charity());
        credit(postings, LedgerAccounts.pending(creator), parts.net());
        apply(new PaymentCredited(command.walletId(),
                new JournalEntry(paymentEntryId(command.paymentId()), "payment", postings), command.paymentId(),
                command.purpose(), command.purposeReference(), command.payerId(), command.gross(),
                parts.processorFee(), parts.platformFee(), parts.charity(), parts.net(),
                command.occurredAt().plus(fees.hold()), command.occurredAt()));
    }

    @CommandHandler
    void handle(RecordRefundDebitCommand command) {
        if (refundIds.contains(command.refundId())) {
            return; // the same refund again: one entry
        }
        Credit credit = credits.get(command.paymentId());
        if (credit == null) {
            throw new IllegalStateException("refund " + command.refundId() + " of payment " + command.paymentId()
                    + " before its credit");
        }
        PaymentSplitPolicy.Parts reversal = RefundReversalPolicy.reverse(credit.remaining(), command.amount());
        UUID creator = walletId.creatorId();
        boolean fromPending = !credit.released();
        List<Posting> postings = new ArrayList<>();
        debit(postings, LedgerAccounts.PROCESSOR_FEES, reversal.processorFee());
        debit(postings, LedgerAccounts.PLATFORM_FEES, reversal.platformFee());
        debit(postings, LedgerAccounts.PLATFORM_CHARITY, reversal.charity());
        if (fromPending) {
            debit(postings, LedgerAccounts.pending(creator), reversal.net());
        } else {
            ReceivablePolicy.Split owed = ReceivablePolicy.debit(reversal.net(),
                    available(reversal.net().currency()));
            debit(postings, LedgerAccounts.available(creator), owed.first());
            debit(postings, LedgerAccounts.receivable(creator), owed.rest());
        }
        postings.add(Posting.credit(LedgerAccounts.REFUNDS, reversal.total()));
        apply(new RefundDebited(walletId, new JournalEntry(refundEntryId(command.refundId()), "refund", postings),
                command.paymentId(), command.refundId(), reversal.total(), reversal.net(), fromPending,
                command.occurredAt()));
    }

    @CommandHandler
    void handle(ReleaseHoldCommand command) {
        Credit credit = credits.get(command.paymentId());
        if (credit == null || credit.released() || credit.remaining().net().signum() == 0) {
            return; // unknown, released already, or nothing left to release
        }
        Money amount = credit.remaining().net();
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.debit(LedgerAccounts.pending(walletId.creatorId()), amount));
        creditAvailable(postings, amount);
        apply(new HoldReleased(walletId, new JournalEntry(releaseEntryId(command.paymentId()), "hold-release",
                postings), command.paymentId(), amount, command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestPayoutCommand command, FeeSchedule fees) {
        Payout existing = payouts.get(command.payoutId());
        if (existing != null) {
            if (!existing.amount().equals(command.amount())) {
                throw EconomyProblem.unprocessable("idempotency_key_reused",
                        "This Idempotency-Key was used for a payout of " + existing.amount() + ".");
            }
            return; // the same request again
        }
        if (destinations.isEmpty()) {
            throw EconomyProblem.unprocessable("payout_destination_required",
                    "Register a payout destination (bank account or Stripe Connect account) before a payout.");
        }
        Money available = available(command.amount().currency());
        PayoutPolicy.check(command.amount(), available, fees.payoutMinimumIn(command.amount().currency()));
        UUID creator = command.walletId().creatorId();
        Money fee = command.instant() ? command.amount().split(fees.instantPayoutFeeBps()).part(0)
                : Money.zero(command.amount().currency());
        apply(new PayoutRequested(command.walletId(), new JournalEntry(payoutEntryId(command.payoutId(), "reserve"),
                "payout-reserve", List.of(Posting.debit(LedgerAccounts.available(creator), command.amount()),
                Posting.credit(LedgerAccounts.reserved(creator), command.amount()))),
                command.payoutId(), command.amount(), fee, command.occurredAt()));
    }

    @CommandHandler
    void handle(CompletePayoutCommand command) {
        Payout payout = payouts.get(command.payoutId());
        if (payout == null || payout.settled()) {
            return;
        }
        UUID creator = walletId.creatorId();
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.debit(LedgerAccounts.reserved(creator), payout.amount()));
        credit(postings, LedgerAccounts.PAYOUTS_SENT, payout.amount().minus(payout.fee()));
        credit(postings, LedgerAccounts.PLATFORM_FEES, payout.fee());
        apply(new PayoutCompleted(walletId, new JournalEntry(payoutEntryId(command.payoutId(), "complete"),
                "payout-complete", postings), command.payoutId(), payout.amount(), payout.fee(),
                command.providerReference(), command.occurredAt()));
    }

    @CommandHandler
    void handle(RecordPayoutAttemptFailureCommand command) {
        Payout payout = payouts.get(command.payoutId());
        if (payout == null || payout.settled() || command.attempt() <= payout.failedAttempts()) {
            return; // unknown, settled, or this attempt's failure is recorded already
        }
        apply(new PayoutAttemptFailed(walletId, command.payoutId(), command.attempt(), command.reason(),
                command.nextAttemptAt(), command.occurredAt()));
    }

    @CommandHandler
    void handle(FailPayoutCommand command) {
        Payout payout = payouts.get(command.payoutId());
        if (payout == null || payout.settled()) {
            return;
        }
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.debit(LedgerAccounts.reserved(walletId.creatorId()), payout.amount()));
        creditAvailable(postings, payout.amount());
        apply(new PayoutFailed(walletId, new JournalEntry(payoutEntryId(command.payoutId(), "fail"), "payout-fail",
                postings), command.payoutId(), payout.amount(), command.reason(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeCreatorFeesCommand command) {
        if (command.platformFeeBps() != null) {
            FeeSchedule.requireBasisPoints(command.platformFeeBps());
        }
        if (command.charityBps() != null) {
            FeeSchedule.requireBasisPoints(command.charityBps());
        }
        apply(new CreatorFeesChanged(command.walletId(), command.platformFeeBps(), command.charityBps(),
                command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterPayoutDestinationCommand command) {
        if (!destinations.contains(command.destinationId())) {
            apply(new PayoutDestinationRegistered(command.walletId(), command.destinationId(), command.occurredAt()));
        }
    }

    @CommandHandler
    void handle(RemovePayoutDestinationCommand command) {
        if (destinations.contains(command.destinationId())) {
            apply(new PayoutDestinationRemoved(walletId, command.destinationId(), command.occurredAt()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangePayoutSettingsCommand command) {
        if (command.minimum() != null && command.minimum().signum() < 0) {
            throw EconomyProblem.unprocessable("invalid_minimum", "The auto-payout minimum cannot be negative.");
        }
        apply(new PayoutSettingsChanged(command.walletId(), command.dailyAutoPayout(), command.minimum(),
                command.occurredAt()));
    }

    private Money available(Currency currency) {
        Balances balance = balances.get(currency);
        return new Money(balance == null ? 0 : balance.available(), currency);
    }

    private Money owed(Currency currency) {
        Balances balance = balances.get(currency);
        return new Money(balance == null ? 0 : balance.receivable(), currency);
    }

    /** Money becoming available repays the receivable first ({@link ReceivablePolicy}). */
    private void creditAvailable(List<Posting> postings, Money amount) {
        ReceivablePolicy.Split repaid = ReceivablePolicy.credit(amount, owed(amount.currency()));
        credit(postings, LedgerAccounts.receivable(walletId.creatorId()), repaid.first());
        credit(postings, LedgerAccounts.available(walletId.creatorId()), repaid.rest());
    }

    private static void credit(List<Posting> postings, String account, Money amount) {
        if (amount.signum() > 0) {
            postings.add(Posting.credit(account, amount));
        }
    }

    private static void debit(List<Posting> postings, String account, Money amount) {
        if (amount.signum() > 0) {
            postings.add(Posting.debit(account, amount));
        }
    }

    // ---- state, from events only ----

    @EventSourcingHandler
    void on(PaymentCredited event) {
        walletId = event.walletId();
        credits.put(event.paymentId(), new Credit(new PaymentSplitPolicy.Parts(event.processorFee(),
                event.platformFee(), event.charity(), event.net()), false));
        post(event.entry());
    }

    @EventSourcingHandler
    void on(RefundDebited event) {
        refundIds.add(event.refundId());
        Credit credit = credits.get(event.paymentId());
        PaymentSplitPolicy.Parts taken = partsOf(event);
        credits.put(event.paymentId(), new Credit(new PaymentSplitPolicy.Parts(
                credit.remaining().processorFee().minus(taken.processorFee()),
                credit.remaining().platformFee().minus(taken.platformFee()),
                credit.remaining().charity().minus(taken.charity()),
                credit.remaining().net().minus(event.netReversed())), credit.released()));
        post(event.entry());
    }

    @EventSourcingHandler
    void on(HoldReleased event) {
        credits.computeIfPresent(event.paymentId(), (id, credit) -> new Credit(credit.remaining(), true));
        post(event.entry());
    }

    @EventSourcingHandler
    void on(PayoutRequested event) {
        walletId = event.walletId();
        payouts.put(event.payoutId(), new Payout(event.amount(), event.fee(), false, 0));
        post(event.entry());
    }

    @EventSourcingHandler
    void on(PayoutCompleted event) {
        payouts.computeIfPresent(event.payoutId(), (id, payout) -> payout.settle());
        post(event.entry());
    }

    @EventSourcingHandler
    void on(PayoutFailed event) {
        payouts.computeIfPresent(event.payoutId(), (id, payout) -> payout.settle());
        post(event.entry());
    }

    @EventSourcingHandler
    void on(PayoutAttemptFailed event) {
        payouts.computeIfPresent(event.payoutId(), (id, payout) -> payout.failed(event.attempt()));
    }

    @EventSourcingHandler
    void on(PayoutDestinationRegistered event) {
        walletId = event.walletId();
        destinations.add(event.destinationId());
    }

    @EventSourcingHandler
    void on(PayoutDestinationRemoved event) {
        destinations.remove(event.destinationId());
    }

    @EventSourcingHandler
    void on(PayoutSettingsChanged event) {
        walletId = event.walletId();
    }

    @EventSourcingHandler
    void on(CreatorFeesChanged event) {
        walletId = event.walletId();
        if (event.platformFeeBps() != null) {
            platformFeeBps = event.platformFeeBps();
        }
        if (event.charityBps() != null) {
            charityBps = event.charityBps();
        }
    }

    /** The refund's per-part amounts, read back from its postings. */
    private static PaymentSplitPolicy.Parts partsOf(RefundDebited event) {
        Currency currency = event.amount().currency();
        long processor = 0;
        long platform = 0;
        long charity = 0;
        for (Posting posting : event.entry().postings()) {
            if (posting.side() != Side.DEBIT) {
                continue;
            }
            switch (posting.account()) {
                case LedgerAccounts.PROCESSOR_FEES -> processor += posting.amount().amountMinor();
                case LedgerAccounts.PLATFORM_FEES -> platform += posting.amount().amountMinor();
                case LedgerAccounts.PLATFORM_CHARITY -> charity += posting.amount().amountMinor();
                default -> {
                }
            }
        }
        return new PaymentSplitPolicy.Parts(new Money(processor, currency), new Money(platform, currency),
                new Money(charity, currency), event.netReversed());
    }

    private void post(JournalEntry entry) {
        String pending = LedgerAccounts.pending(walletId.creatorId());
        String available = LedgerAccounts.available(walletId.creatorId());
        String reserved = LedgerAccounts.reserved(walletId.creatorId());
        String receivable = LedgerAccounts.receivable(walletId.creatorId());
        for (Posting posting : entry.postings()) {
            Balances balance = balances.getOrDefault(posting.amount().currency(), new Balances(0, 0, 0, 0));
            long delta = posting.creditNormalMinor();
            if (posting.account().equals(pending)) {
                balance = new Balances(balance.available(), balance.pending() + delta, balance.reserved(),
                        balance.receivable());
            } else if (posting.account().equals(available)) {
                balance = new Balances(balance.available() + delta, balance.pending(), balance.reserved(),
                        balance.receivable());
            } else if (posting.account().equals(reserved)) {
                balance = new Balances(balance.available(), balance.pending(), balance.reserved() + delta,
                        balance.receivable());
            } else if (posting.account().equals(receivable)) {
                balance = new Balances(balance.available(), balance.pending(), balance.reserved(),
                        balance.receivable() - delta);
            } else {
                continue;
            }
            balances.put(posting.amount().currency(), balance);
        }
    }

    /** Per currency, in minor units; {@code receivable} is what the creator owes (a debit balance, never below 0). */
    private record Balances(long available, long pending, long reserved, long receivable) {
    }

    private record Credit(PaymentSplitPolicy.Parts remaining, boolean released) {
    }

    private record Payout(Money amount, Money fee, boolean settled, int failedAttempts) {

        Payout settle() {
            return new Payout(amount, fee, true, failedAttempts);
        }

        Payout failed(int attempt) {
            return new Payout(amount, fee, settled, attempt);
        }
    }
}
