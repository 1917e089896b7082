package io.hyperx.content.application;

import io.hyperx.kernel.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Download tokens for purchased files: {@code <token id>.<HMAC(token id)>}. A token that does not verify, or names
 * no token, is 404 (nothing is revealed); an expired one (7 days by default) or one used up (5 downloads) is 410.
 * Only requests that start at byte 0 count as a download, so resuming with {@code Range} costs nothing.
 */
@Service
public class DownloadTokens {

    private final JdbcTemplate jdbc;
    private final PaymentNonces signer;
    private final ContentSettings settings;

    DownloadTokens(JdbcTemplate jdbc, PaymentNonces signer, ContentSettings settings) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.settings = settings;
    }

    public record Issued(String token, Instant expiresAt, int maxDownloads) {
    }

    public Issued issue(UUID account, UUID file) {
        UUID id = UUID.randomUUID();
        Instant expiresAt = Instant.now().plus(settings.downloadTtl());
        jdbc.update("""
                INSERT INTO content.download_token (token_id, file_id, account_id, expires_at, max_downloads)
                VALUES (?, ?, ?, ?, ?)""", id, file, account, Timestamp.from(expiresAt), settings.downloadMax());
        return new Issued(id + "." + signer.sign("download", id.toString()), expiresAt, settings.downloadMax());
    }

    /** The file the token grants, counting a download when {@code counts}; 404 or 410 otherwise. */
    public UUID redeem(String token, boolean counts) {
        UUID id = verified(token);
        List<Row> rows = jdbc.query("SELECT file_id, expires_at, downloads, max_downloads FROM content.download_token"
                        + " WHERE token_id = ?", (row, i) -> new Row(row.getObject("file_id", UUID.class),
                        row.getTimestamp("expires_at").toInstant(), row.getInt("downloads"), row.getInt("max_downloads")),
                id);
        if (rows.isEmpty()) {
            throw notFound();
        }
        Row row = rows.get(0);
        if (!row.expiresAt().isAfter(Instant.now())) {
            throw new DomainException(410, "download_expired", "This download link has expired.");
        }
        int updated = counts ? jdbc.update("""
                UPDATE content.download_token SET downloads = downloads + 1
                WHERE token_id = ? AND downloads < max_downloads""", id)
                : (row.downloads() < row.maxDownloads() ? 1 : 0);
        if (updated == 0) {
            throw new DomainException(410, "download_used_up", "This download link has been used "
                    + row.maxDownloads() + " times.");
        }
        return row.fileId();
    }

    private UUID verified(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            throw notFound();
        }
        String id = token.substring(0, dot);
        if (!signer.verify("download", id, token.substring(dot + 1))) {
            throw notFound();
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static DomainException notFound() {
        return DomainException.notFound("download_not_found", "No such download.");
    }

    private record Row(UUID fileId, Instant expiresAt, int downloads, int maxDownloads) {
    }

}
