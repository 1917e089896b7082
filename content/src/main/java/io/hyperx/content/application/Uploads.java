package io.hyperx.content.application;

import io.hyperx.content.domain.ContentProblem;
import io.hyperx.content.domain.FileTypes;
import io.hyperx.content.domain.UploadPurpose;
import io.hyperx.kernel.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploads: the first bytes decide the type (allow-list by magic bytes, 415 {@code unsupported_file_type} otherwise;
 * avatars and banners must be images), the purpose decides the size limit (413 {@code file_too_large}), and the bytes
 * are streamed to {@link FileStorage}. Avatars and banners are served publicly at {@link #PUBLIC_PATH}{@code <id>}.
 */
@Service
public class Uploads {

    public static final String PUBLIC_PATH = "/api/v1/public/files/";

    private final FileStorage storage;
    private final JdbcTemplate jdbc;

    Uploads(FileStorage storage, JdbcTemplate jdbc) {
        this.storage = storage;
        this.jdbc = jdbc;
    }

    public record StoredFile(UUID id, UUID ownerId, UploadPurpose purpose, String contentType, long size,
                             String fileName, Instant createdAt) {

        /** Where anyone may fetch the file: avatar and banner images only. */
        public Optional<String> publicUrl() {
            return purpose.isPublic() && purpose.accepts(contentType) ? Optional.of(PUBLIC_PATH + id)
                    : Optional.empty();
        }
    }

    public StoredFile upload(UUID owner, UploadPurpose purpose, String fileName, long declaredSize,
                             InputStream content) throws IOException {
        if (declaredSize > purpose.maxBytes()) {
            throw new DomainException(413, "file_too_large", "A " + purpose.name().toLowerCase() + " file has at most "
                    + purpose.maxBytes() + " bytes.");
        }
        byte[] header = content.readNBytes(FileTypes.HEADER_BYTES);
        String type = FileTypes.detect(header, header.length).orElseThrow(() -> new DomainException(415,
                "unsupported_file_type", "Only png, jpeg, gif, webp, pdf, mp4, mp3, wav and zip files are accepted"
                + " (checked by content, not by name)."));
        if (!purpose.accepts(type)) {
            throw new DomainException(415, "unsupported_file_type", "A " + purpose.name().toLowerCase()
                    + " is a png, jpeg, gif or webp image (checked by content, not by name).");
        }
        UUID id = UUID.randomUUID();
        long size = storage.store(id, new SequenceInputStream(new ByteArrayInputStream(header), content),
                purpose.maxBytes());
        String name = fileName == null || fileName.isBlank() ? id.toString()
                : fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        Instant now = Instant.now();
        jdbc.update("""
                INSERT INTO content.file (file_id, owner_id, purpose, content_type, size_bytes, file_name, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, owner, purpose.name(), type, size,
                name.length() > 200 ? name.substring(0, 200) : name, java.sql.Timestamp.from(now));
        return new StoredFile(id, owner, purpose, type, size, name, now);
    }

    public Optional<StoredFile> file(UUID id) {
        List<StoredFile> files = jdbc.query("""
                SELECT file_id, owner_id, purpose, content_type, size_bytes, file_name, created_at
                FROM content.file WHERE file_id = ?""", (row, i) -> new StoredFile(row.getObject("file_id", UUID.class),
                row.getObject("owner_id", UUID.class), UploadPurpose.valueOf(row.getString("purpose")),
                row.getString("content_type"), row.getLong("size_bytes"), row.getString("file_name"),
                row.getTimestamp("created_at").toInstant()), id);
        return files.stream().findFirst();
    }

    /** Product files must be the creator's own product uploads. */
    public void requireOwnProductFiles(UUID owner, List<UUID> fileIds) {
        for (UUID id : fileIds == null ? List.<UUID>of() : fileIds) {
            StoredFile file = file(id).orElse(null);
            if (file == null || !file.ownerId().equals(owner) || file.purpose() != UploadPurpose.PRODUCT) {
                throw ContentProblem.unprocessable("invalid_file", "File " + id + " is not one of your product uploads.");
            }
        }
    }
}
