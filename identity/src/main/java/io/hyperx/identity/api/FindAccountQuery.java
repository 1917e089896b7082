package io.hyperx.identity.api;

/** Finds an account's non-personal state; answered with an {@link AccountView} or {@code null} when unknown. */
public record FindAccountQuery(AccountId accountId) {
}
