/** Notification context: e-mail, creator webhooks and the in-app feed, delivered through one outbox with retries. */
package io.hyperx.notification;
