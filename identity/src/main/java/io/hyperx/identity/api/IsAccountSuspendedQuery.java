package io.hyperx.identity.api;

/**
 * Asks whether an account is suspended (or erased), so that payments to or from it can be refused. Answered with a
 * {@code Boolean}; an unknown account answers {@code false}.
 */
public record IsAccountSuspendedQuery(AccountId accountId) {
}
