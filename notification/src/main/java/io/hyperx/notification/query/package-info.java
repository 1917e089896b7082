/** The notification context's own read models, rebuilt from events. */
package io.hyperx.notification.query;
