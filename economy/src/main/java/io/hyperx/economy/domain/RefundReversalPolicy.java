package io.hyperx.economy.domain;

import io.hyperx.kernel.Money;

import java.util.List;

/**
 * A refund takes back each part of the payment's split in proportion to what is left of it: the refund is allocated
 * over the remaining parts (processor fee, platform fee, charity, net) with {@link Money#allocate(long...)}, so the
 * reversal sums exactly to the refund and no part goes below zero; the refund that completes the gross takes back
 * everything that is left, so partial refunds together reverse the whole payment exactly. Where the creator's share
 * is taken from once the hold is released (available, else the receivable) is the {@link ReceivablePolicy}'s.
 */
public final class RefundReversalPolicy {

    private RefundReversalPolicy() {
    }

    public static PaymentSplitPolicy.Parts reverse(PaymentSplitPolicy.Parts remaining, Money refund) {
        Money left = remaining.total();
        if (refund.signum() <= 0) {
            throw new IllegalArgumentException("a refund must be positive: " + refund);
        }
        if (!refund.isLessThan(left)) {
            return remaining;
        }
        List<Money> shares = refund.allocate(remaining.processorFee().amountMinor(),
                remaining.platformFee().amountMinor(), remaining.charity().amountMinor(),
                remaining.net().amountMinor());
        return new PaymentSplitPolicy.Parts(shares.get(0), shares.get(1), shares.get(2), shares.get(3));
    }
}
