package io.hyperx.notification.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Where finished e-mails go: an SMTP server, or {@code .eml} files when none is configured. */
interface MailTransport {

    MimeMessage createMimeMessage();

    /** Sends (or stores) the message; answers a short description for the attempt record. */
    String send(MimeMessage message, String name) throws MessagingException;
}
