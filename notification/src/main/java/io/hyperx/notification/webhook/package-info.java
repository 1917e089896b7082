/** Creator webhooks: endpoints registered by creators, signed deliveries through the outbox, an SSRF guard. */
package io.hyperx.notification.webhook;
