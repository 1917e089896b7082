/** The e-mail channel: Mustache templates (HTML and text), SMTP or .eml files, unsubscribe links, the dev mailbox. */
package io.hyperx.notification.email;
