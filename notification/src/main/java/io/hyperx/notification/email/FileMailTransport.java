package io.hyperx.notification.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The embedded default: each e-mail becomes {@code <folder>/<name>.eml} (written to a temporary file, then moved,
 * so readers never see half a message; the same message again overwrites its file).
 */
final class FileMailTransport implements MailTransport {

    private final Path folder;
    private final Session session = Session.getInstance(new Properties());

    FileMailTransport(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    @Override
    public MimeMessage createMimeMessage() {
        return new MimeMessage(session);
    }

    @Override
    public String send(MimeMessage message, String name) throws MessagingException {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, name, ".tmp");
            message.saveChanges();
            try (OutputStream out = Files.newOutputStream(temp)) {
                message.writeTo(out);
            }
            Path file = folder.resolve(name + ".eml");
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return "file " + file.getFileName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
