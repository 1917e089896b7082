/** The notification pipeline: requests stored in one outbox, delivered by a dispatcher through channel senders. */
package io.hyperx.notification.outbox;
