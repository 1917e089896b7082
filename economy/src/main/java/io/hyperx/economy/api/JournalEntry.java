package io.hyperx.economy.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An immutable, balanced journal entry: two or more postings whose debits equal their credits in every currency.
 * {@code entryId} derives from what caused it (payment, refund, hold release, payout step), so a redelivered cause
 * names the same entry.
 */
public record JournalEntry(UUID entryId, String kind, List<Posting> postings) {

    public JournalEntry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(kind, "kind");
        postings = List.copyOf(postings);
        if (postings.size() < 2) {
            throw new IllegalArgumentException("a journal entry needs at least two postings: " + postings);
        }
        Map<String, Long> balance = new HashMap<>();
        for (Posting posting : postings) {
            balance.merge(posting.amount().currency().getCurrencyCode(),
                    posting.side() == Side.DEBIT ? posting.amount().amountMinor() : -posting.amount().amountMinor(),
                    Math::addExact);
        }
        for (Map.Entry<String, Long> currency : balance.entrySet()) {
            if (currency.getValue() != 0) {
                throw new IllegalArgumentException("unbalanced journal entry in " + currency.getKey()
                        + " (debits - credits = " + currency.getValue() + "): " + postings);
            }
        }
    }
}
