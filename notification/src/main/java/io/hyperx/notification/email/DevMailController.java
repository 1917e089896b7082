package io.hyperx.notification.email;

import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.kernel.DomainException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dev mailbox: with no SMTP server configured, the e-mails written under {@code $HYPERX_HOME/mail/}, newest
 * first. They hold verification and reset links for every account, so only operators ({@code ops:mail}) read them;
 * with SMTP configured the endpoints answer 404.
 */
@RestController
class DevMailController {

    private static final Pattern NAME = Pattern.compile("[0-9A-Za-z_-]+\\.eml");
    private static final int MAX_PAGE_SIZE = 100;

    private final MailTransport transport;
    private final Session session = Session.getInstance(new Properties());

    DevMailController(MailTransport transport) {
        this.transport = transport;
    }

    @GetMapping("/api/v1/dev/mail")
    @RequiresCapability("ops:mail")
    Map<String, Object> list(@RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        Path folder = folder();
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int from = Math.max(page, 0) * pageSize;
        List<Path> files;
        try (Stream<Path> all = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
            files = all.filter(file -> NAME.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(DevMailController::modified).reversed()
                            .thenComparing(Path::getFileName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, Object>> data = files.stream().skip(from).limit(pageSize).map(this::summary).toList();
        return Map.of("data", data, "meta", Map.of("pagination", Map.of("page", Math.max(page, 0),
                "size", pageSize, "totalElements", files.size(),
                "totalPages", (files.size() + pageSize - 1) / pageSize)));
    }

    @GetMapping(value = "/api/v1/dev/mail/{name}", produces = MediaType.TEXT_PLAIN_VALUE)
    @RequiresCapability("ops:mail")
    ResponseEntity<String> raw(@PathVariable String name) {
        Path file = folder().resolve(name);
        if (!NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
            throw DomainException.notFound("mail_not_found", "No e-mail named '" + name + "' in the dev mailbox.");
        }
        try {
            return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                    .body(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path folder() {
        if (transport instanceof FileMailTransport files) {
            return files.folder();
        }
        throw DomainException.notFound("dev_mail_disabled",
                "E-mail goes to an SMTP server (HYPERX_SMTP_HOST is set); there is no dev mailbox.");
    }

    private Map<String, Object> summary(Path file) {
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("name", file.getFileName().toString());
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(session, in);
            mail.put("subject", message.getSubject());
            mail.put("to", message.getAllRecipients() == null ? List.of() : Arrays.stream(message.getAllRecipients())
                    .map(address -> address instanceof InternetAddress internet ? internet.getAddress()
                            : address.toString()).toList());
        } catch (IOException | jakarta.mail.MessagingException e) {
            mail.put("error", "unreadable: " + e.getMessage());
        }
        mail.put("writtenAt", modified(file));
        return mail;
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
