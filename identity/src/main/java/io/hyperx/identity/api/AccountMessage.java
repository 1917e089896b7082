package io.hyperx.identity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A message identity asks to be sent to an account's owner ({@code template} {@code verify_email} or
 * {@code reset_password}); {@code link} holds a one-time secret, so it travels only through
 * {@link AccountMessageSink}, never through the event store.
 */
public record AccountMessage(UUID messageId, AccountId accountId, String template, String link, Instant createdAt) {

    public static final String VERIFY_EMAIL = "verify_email";
    public static final String RESET_PASSWORD = "reset_password";
}
