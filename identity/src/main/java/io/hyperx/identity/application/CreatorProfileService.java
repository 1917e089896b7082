package io.hyperx.identity.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.ProfileImages;
import io.hyperx.identity.api.ProfileImages.Slot;
import io.hyperx.identity.api.RecordCreatorProfileCommand;
import io.hyperx.identity.domain.SlugPolicy;
import io.hyperx.kernel.DomainException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Creator profiles: slug, display name, bio, avatar and banner, social links, published flag. The slug is claimed
 * through {@code identity.creator_slug}, whose primary key makes concurrent claims of one slug fail but one. Avatar
 * and banner are an https URL or an image the creator uploaded, checked through the {@link ProfileImages} port.
 */
@Service
public class CreatorProfileService {

    public static final int MAX_BIO = 2000;
    public static final int MAX_SOCIAL_LINKS = 10;

    private final JdbcTemplate jdbc;
    private final Accounts accounts;
    private final CommandGateway commands;
    private final ObjectMapper json;
    private final ObjectProvider<ProfileImages> images;

    CreatorProfileService(JdbcTemplate jdbc, Accounts accounts, CommandGateway commands, ObjectMapper json,
                          ObjectProvider<ProfileImages> images) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.commands = commands;
        this.json = json;
        this.images = images;
    }

    /** The creator's own profile; an unpublished one without a slug when they never saved one. */
    public Profile own(AccountId accountId) {
        return find(accountId).orElseGet(() -> new Profile(accountId, null,
                Objects.requireNonNullElse(accounts.require(accountId).displayName(), ""), null, null, null,
                null, null, List.of(), false, null));
    }

    @Transactional
    public Profile save(AccountId accountId, Changes changes) {
        String slug = changes.slug() == null || changes.slug().isBlank() ? null : SlugPolicy.normalize(changes.slug());
        if (slug != null) {
            SlugPolicy.refusal(slug).ifPresent(code -> {
                throw new DomainException(422, code, "The slug '" + slug + "' is not allowed.");
            });
        }
        if (changes.published() && slug == null) {
            throw new DomainException(422, "slug_required", "A published profile needs a slug.");
        }
        if (changes.bio() != null && changes.bio().length() > MAX_BIO) {
            throw new DomainException(422, "bio_too_long", "The bio may have at most " + MAX_BIO + " characters.");
        }
        String avatarUrl = image(accountId, Slot.AVATAR, changes.avatarFileId(), changes.avatarUrl());
        String bannerUrl = image(accountId, Slot.BANNER, changes.bannerFileId(), changes.bannerUrl());
        List<SocialLink> links = changes.socialLinks() == null ? List.of() : List.copyOf(changes.socialLinks());
        if (links.size() > MAX_SOCIAL_LINKS) {
            throw new DomainException(422, "too_many_social_links", "At most " + MAX_SOCIAL_LINKS + " links.");
        }
        links.forEach(link -> requireHttps("socialLinks", link.url()));

        Instant now = Instant.now();
        // The aggregate refuses fans and suspended accounts before anything is written.
        commands.sendAndWait(new RecordCreatorProfileCommand(accountId, changes.published(), now));
        claimSlug(accountId, slug);
        jdbc.update("INSERT INTO identity.creator_profile (account_id, display_name, bio, avatar_url, banner_url, "
                        + "avatar_file_id, banner_file_id, social_links, published, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?) "
                        + "ON CONFLICT (account_id) DO UPDATE SET display_name = EXCLUDED.display_name, "
                        + "bio = EXCLUDED.bio, avatar_url = EXCLUDED.avatar_url, banner_url = EXCLUDED.banner_url, "
                        + "avatar_file_id = EXCLUDED.avatar_file_id, banner_file_id = EXCLUDED.banner_file_id, "
                        + "social_links = EXCLUDED.social_links, published = EXCLUDED.published, "
                        + "updated_at = EXCLUDED.updated_at",
                accountId.value(), changes.displayName().trim(), changes.bio(), avatarUrl, bannerUrl,
                changes.avatarFileId(), changes.bannerFileId(), write(links), changes.published(),
                Timestamp.from(now));
        return find(accountId).orElseThrow();
    }

    /** Whether the slug is acceptable and free (or already the caller's). */
    public SlugCheck check(AccountId accountId, String requested) {
        String slug = SlugPolicy.normalize(requested);
        Optional<String> refusal = SlugPolicy.refusal(slug);
        if (refusal.isPresent()) {
            return new SlugCheck(slug, false, false, refusal.get());
        }
        List<UUID> owner = jdbc.queryForList("SELECT account_id FROM identity.creator_slug WHERE slug = ?",
                UUID.class, slug);
        boolean available = owner.isEmpty() || owner.get(0).equals(accountId.value());
        return new SlugCheck(slug, true, available, available ? null : "slug_taken");
    }

    /** A published profile of an active creator, by slug. */
    public Optional<Profile> published(String slug) {
        return jdbc.query(SELECT + " JOIN identity.account a ON a.account_id = p.account_id "
                        + "WHERE s.slug = ? AND p.published AND a.status = 'active'", row(), SlugPolicy.normalize(slug))
                .stream().findFirst();
    }

    private Optional<Profile> find(AccountId accountId) {
        return jdbc.query(SELECT + " WHERE p.account_id = ?", row(), accountId.value()).stream().findFirst();
    }

    private void claimSlug(AccountId accountId, String slug) {
        List<String> current = jdbc.queryForList("SELECT slug FROM identity.creator_slug WHERE account_id = ?",
                String.class, accountId.value());
        if (slug != null && current.contains(slug)) {
            return;
        }
        jdbc.update("DELETE FROM identity.creator_slug WHERE account_id = ?", accountId.value());
        if (slug == null) {
            return;
        }
        try {
            jdbc.update("INSERT INTO identity.creator_slug (slug, account_id) VALUES (?, ?)", slug, accountId.value());
        } catch (DuplicateKeyException taken) {
            throw DomainException.conflict("slug_taken", "The slug '" + slug + "' is taken.");
        }
    }

    private static final String SELECT = "SELECT p.account_id, s.slug, p.display_name, p.bio, p.avatar_url, "
            + "p.banner_url, p.avatar_file_id, p.banner_file_id, p.social_links::text AS social_links, p.published, "
            + "p.updated_at "
            + "FROM identity.creator_profile p LEFT JOIN identity.creator_slug s ON s.account_id = p.account_id";

    private RowMapper<Profile> row() {
        return (rs, n) -> new Profile(new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("slug"),
                rs.getString("display_name"), rs.getString("bio"), rs.getString("avatar_url"),
                rs.getString("banner_url"), rs.getObject("avatar_file_id", UUID.class),
                rs.getObject("banner_file_id", UUID.class), read(rs.getString("social_links")),
                rs.getBoolean("published"), rs.getTimestamp("updated_at").toInstant());
    }

    /** An uploaded image (the file id wins over a URL) or an https URL; the URL to show. */
    private String image(AccountId accountId, Slot slot, UUID fileId, String url) {
        String field = slot.name().toLowerCase(Locale.ROOT);
        if (fileId == null) {
            requireHttps(field + "Url", url);
            return url;
        }
        ProfileImages uploaded = images.getIfAvailable();
        return Optional.ofNullable(uploaded).flatMap(port -> port.publicUrl(accountId.value(), fileId, slot))
                .orElseThrow(() -> new DomainException(422, "invalid_" + field + "_file", field + "FileId must be"
                        + " an image you uploaded with purpose=" + field + "."));
    }

    static void requireHttps(String field, String url) {
        if (url == null || url.isBlank()) {
            return;
        }
        try {
            URI uri = new URI(url.trim());
            if (!"https".equals(Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse(""))
                    || uri.getHost() == null || url.length() > 2048) {
                throw new DomainException(422, "https_url_required", field + " must be an https URL.");
            }
        } catch (URISyntaxException e) {
            throw new DomainException(422, "https_url_required", field + " must be an https URL.");
        }
    }

    private String write(List<SocialLink> links) {
        try {
            return json.writeValueAsString(links);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<SocialLink> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<SocialLink>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public record SocialLink(String label, String url) {
    }

    public record Changes(String slug, String displayName, String bio, String avatarUrl, String bannerUrl,
                          UUID avatarFileId, UUID bannerFileId, List<SocialLink> socialLinks, boolean published) {
    }

    public record Profile(AccountId accountId, String slug, String displayName, String bio, String avatarUrl,
                          String bannerUrl, UUID avatarFileId, UUID bannerFileId, List<SocialLink> socialLinks,
                          boolean published, Instant updatedAt) {
    }

    public record SlugCheck(String slug, boolean valid, boolean available, String reason) {
    }
}
