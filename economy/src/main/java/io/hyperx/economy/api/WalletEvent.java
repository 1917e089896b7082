package io.hyperx.economy.api;

/** An event of a creator's wallet; economy handles them in order per creator. */
public interface WalletEvent {

    WalletId walletId();
}
