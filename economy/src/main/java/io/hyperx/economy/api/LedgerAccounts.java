package io.hyperx.economy.api;

import java.util.UUID;

/**
 * The names of the ledger's accounts. Creator accounts are credit-normal: a credit raises the creator's balance. The
 * receivable is what the creator owes the platform (a refund of released money larger than the available balance):
 * debited when the debt arises, credited as later earnings repay it, so its credit-normal balance is never positive.
 */
public final class LedgerAccounts {

    public static final String PLATFORM_FEES = "platform:fees";
    public static final String PLATFORM_CHARITY = "platform:charity";
    public static final String PROCESSOR_FEES = "processor:fees";
    public static final String GATEWAY_CLEARING = "gateway:clearing";
    public static final String PAYOUTS_SENT = "payouts:sent";
    public static final String REFUNDS = "refunds:issued";

    private LedgerAccounts() {
    }

    public static String pending(UUID creatorId) {
        return "creator:" + creatorId + ":pending";
    }

    public static String available(UUID creatorId) {
        return "creator:" + creatorId + ":available";
    }

    public static String reserved(UUID creatorId) {
        return "creator:" + creatorId + ":reserved";
    }

    public static String receivable(UUID creatorId) {
        return "creator:" + creatorId + ":receivable";
    }
}
