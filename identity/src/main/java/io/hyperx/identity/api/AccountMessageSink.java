package io.hyperx.identity.api;

/**
 * The port through which identity hands its messages (with secret links) to whoever delivers them: called in the
 * transaction that creates the secret, so the message is queued exactly when the secret exists. Implemented
 * downstream (the notification context); without one, identity only keeps the message in its own table.
 */
public interface AccountMessageSink {

    void deliver(AccountMessage message);
}
