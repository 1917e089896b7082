package io.hyperx.identity.api;

/**
 * Where to reach an account's owner, asked at the moment a message is sent (never stored elsewhere): answered with an
 * {@link AccountContact}, or {@code null} when the account is unknown or erased.
 */
public record FindAccountContactQuery(AccountId accountId) {
}
