/**
 * Turns other contexts' events into notification requests: one small mapping class per source context, all in the
 * {@code notification} processing group and skipped on replay. A new context adds a class here and its templates.
 */
package io.hyperx.notification.reactions;
