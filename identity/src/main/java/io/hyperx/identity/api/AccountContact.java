package io.hyperx.identity.api;

/** Personal data, for sending a message now; never to be copied into events or other contexts' tables. */
public record AccountContact(AccountId accountId, String email, String displayName, boolean emailVerified) {
}
