package io.hyperx.content.query;

import io.hyperx.content.api.Visibility;
import io.hyperx.content.domain.AccessPolicy.HeldTier;
import io.hyperx.kernel.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Indexed reads of content's read models; the access decision uses only primary-key and index lookups. */
@Component
public class ContentReads {

    private static final String POST_COLUMNS = """
            post_id, creator_id, title, body, teaser, visibility, status, publish_at, published_at, created_at, updated_at""";
    private static final String PRODUCT_COLUMNS = """
            product_id, creator_id, title, description, type, price_minor, currency, min_tier_rank, file_ids,
            published, deleted, created_at, updated_at""";

    private final JdbcTemplate jdbc;

    ContentReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code teaser}: what the creator chose to show readers without access ({@code null}: nothing). */
    public record PostRow(UUID id, UUID creatorId, String title, String body, String teaser, Visibility visibility,
                          String status, Instant publishAt, Instant publishedAt, Instant createdAt, Instant updatedAt) {

        public boolean published() {
            return "PUBLISHED".equals(status);
        }
    }

    public record TierRow(UUID id, String name, int rank, Money price) {
    }

    public record ProductRow(UUID id, UUID creatorId, String title, String description, String type, Money price,
                             Integer minTierRank, List<UUID> fileIds, boolean published, boolean deleted,
                             Instant createdAt, Instant updatedAt) {
    }

    /** A page of rows and the total count. */
    public record Page<T>(List<T> rows, long total) {
    }

    public Optional<PostRow> post(UUID id) {
        return jdbc.query("SELECT " + POST_COLUMNS + " FROM content.post WHERE post_id = ?", ContentReads::post, id)
                .stream().findFirst();
    }

    public Page<PostRow> postsOf(UUID creator, boolean publishedOnly, int page, int size) {
        String where = publishedOnly ? "creator_id = ? AND status = 'PUBLISHED'" : "creator_id = ?";
        String order = publishedOnly ? "published_at DESC, post_id" : "created_at DESC, post_id";
        List<PostRow> rows = jdbc.query("SELECT " + POST_COLUMNS + " FROM content.post WHERE " + where
                + " ORDER BY " + order + " LIMIT ? OFFSET ?", ContentReads::post, creator, size, (long) page * size);
        Long total = jdbc.queryForObject("SELECT count(*) FROM content.post WHERE " + where, Long.class, creator);
        return new Page<>(rows, total == null ? 0 : total);
    }

    /** Published posts of the creators the fan holds a tier with now, newest first. */
    public Page<PostRow> feed(UUID fan, int page, int size) {
        String from = """
                FROM content.post p WHERE p.status = 'PUBLISHED' AND p.creator_id IN (
                    SELECT m.creator_id FROM content.membership m
                    WHERE m.fan_id = ? AND m.status IN ('ACTIVE', 'TRIALING', 'GRACE_PERIOD'))""";
        List<PostRow> rows = jdbc.query("SELECT " + POST_COLUMNS + " " + from
                + " ORDER BY p.published_at DESC, p.post_id LIMIT ? OFFSET ?", ContentReads::post, fan, size,
                (long) page * size);
        Long total = jdbc.queryForObject("SELECT count(*) " + from, Long.class, fan);
        return new Page<>(rows, total == null ? 0 : total);
    }

    /** The tiers the viewer holds with the creator now (active, trialing or in grace). */
    public List<HeldTier> heldTiers(UUID viewer, UUID creator) {
        return jdbc.query("""
                SELECT tier_id, tier_rank FROM content.membership
                WHERE fan_id = ? AND creator_id = ? AND status IN ('ACTIVE', 'TRIALING', 'GRACE_PERIOD')""",
                (row, i) -> new HeldTier(row.getObject("tier_id", UUID.class), row.getInt("tier_rank")),
                viewer, creator);
    }

    /** Whether a succeeded payment of the account, not refunded in full, unlocked the post or product. */
    public boolean unlocked(UUID account, UUID item) {
        Boolean found = jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM content.unlock
                               WHERE account_id = ? AND item_id = ? AND revoked_at IS NULL)""",
                Boolean.class, account, item);
        return Boolean.TRUE.equals(found);
    }

    /** The creator's published, unarchived tiers, lowest rank first. */
    public List<TierRow> tiersOf(UUID creator) {
        return jdbc.query("""
                SELECT tier_id, name, rank, price_minor, currency FROM content.tier
                WHERE creator_id = ? AND published AND NOT archived ORDER BY rank, name""",
                (row, i) -> new TierRow(row.getObject("tier_id", UUID.class), row.getString("name"),
                        row.getInt("rank"), Money.of(row.getLong("price_minor"), row.getString("currency").trim())),
                creator);
    }

    public Optional<ProductRow> product(UUID id) {
        return jdbc.query("SELECT " + PRODUCT_COLUMNS + " FROM content.product WHERE product_id = ?",
                ContentReads::product, id).stream().findFirst();
    }

    public List<ProductRow> productsOf(UUID creator, boolean publishedOnly) {
        return jdbc.query("SELECT " + PRODUCT_COLUMNS + " FROM content.product WHERE creator_id = ? AND NOT deleted"
                        + (publishedOnly ? " AND published" : "") + " ORDER BY created_at DESC, product_id",
                ContentReads::product, creator);
    }

    /** Products the fan owns (bought, not refunded in full), deleted ones included, latest purchase first. */
    public List<ProductRow> library(UUID fan) {
        return jdbc.query("SELECT " + PRODUCT_COLUMNS + """
                         FROM content.product p JOIN (
                            SELECT item_id, max(unlocked_at) AS bought_at FROM content.unlock
                            WHERE account_id = ? AND kind = 'PRODUCT' AND revoked_at IS NULL GROUP BY item_id) u
                          ON u.item_id = p.product_id
                        ORDER BY u.bought_at DESC, p.product_id""",
                ContentReads::product, fan);
    }

    private static PostRow post(ResultSet row, int i) throws SQLException {
        return new PostRow(row.getObject("post_id", UUID.class), row.getObject("creator_id", UUID.class),
                row.getString("title"), row.getString("body"), row.getString("teaser"),
                VisibilityJson.read(row.getString("visibility")), row.getString("status"), instant(row.getTimestamp("publish_at")),
                instant(row.getTimestamp("published_at")), instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("updated_at")));
    }

    private static ProductRow product(ResultSet row, int i) throws SQLException {
        int rank = row.getInt("min_tier_rank");
        Integer minTierRank = row.wasNull() ? null : rank;
        return new ProductRow(row.getObject("product_id", UUID.class), row.getObject("creator_id", UUID.class),
                row.getString("title"), row.getString("description"), row.getString("type"),
                Money.of(row.getLong("price_minor"), row.getString("currency").trim()), minTierRank,
                List.of((UUID[]) row.getArray("file_ids").getArray()), row.getBoolean("published"), row.getBoolean("deleted"), instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
