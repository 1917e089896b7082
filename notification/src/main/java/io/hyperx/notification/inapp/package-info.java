/** The in-app channel: a feed per account with read and unread notifications. */
package io.hyperx.notification.inapp;
