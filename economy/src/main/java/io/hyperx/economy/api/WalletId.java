package io.hyperx.economy.api;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a creator's wallet (one per creator account). Its aggregate identifier is {@code wallet-<creatorId>}, so
 * it never collides with the identity context's account aggregate of the same UUID.
 */
public record WalletId(UUID creatorId) {

    public WalletId {
        Objects.requireNonNull(creatorId, "creatorId");
    }

    public static WalletId of(UUID creatorId) {
        return new WalletId(creatorId);
    }

    @Override
    public String toString() {
        return "wallet-" + creatorId;
    }
}
