package io.hyperx.economy.api;

import java.time.Instant;

/** An event that wrote a journal entry into a creator's wallet. */
public interface LedgerEvent extends WalletEvent {

    JournalEntry entry();

    Instant occurredAt();
}
