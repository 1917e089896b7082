package io.hyperx.content.query;

import io.hyperx.content.api.ProductCreated;
import io.hyperx.content.api.ProductDeleted;
import io.hyperx.content.api.ProductPublished;
import io.hyperx.content.api.ProductUnpublished;
import io.hyperx.content.api.ProductUpdated;
import io.hyperx.kernel.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static io.hyperx.content.query.PostCatalogProjection.ts;

/** {@code content.product}: every product; deleted ones stay (flagged) for their owners' libraries. */
@Component
@ProcessingGroup(ContentProjections.GROUP)
@ProjectionTables("content.product")
class ProductCatalogProjection {

    private final JdbcTemplate jdbc;

    ProductCatalogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProductCreated event) {
        jdbc.update("""
                INSERT INTO content.product (product_id, creator_id, title, description, type, price_minor, currency,
                                             min_tier_rank, file_ids, published, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[], false, ?, ?) ON CONFLICT (product_id) DO NOTHING""",
                event.productId().value(), event.creatorId(), event.title(), event.description(), event.type().name(),
                event.price().amountMinor(), event.price().currency().getCurrencyCode(), event.minTierRank(),
                uuids(event.fileIds()), ts(event.occurredAt()), ts(event.occurredAt()));
    }

    @EventHandler
    void on(ProductUpdated event) {
        jdbc.update("""
                UPDATE content.product SET title = ?, description = ?, type = ?, price_minor = ?, currency = ?,
                       min_tier_rank = ?, file_ids = ?::uuid[], updated_at = ? WHERE product_id = ?""",
                event.title(), event.description(), event.type().name(), event.price().amountMinor(),
                event.price().currency().getCurrencyCode(), event.minTierRank(), uuids(event.fileIds()),
                ts(event.occurredAt()),
                event.productId().value());
    }

    @EventHandler
    void on(ProductPublished event) {
        jdbc.update("UPDATE content.product SET published = true, updated_at = ? WHERE product_id = ?",
                ts(event.occurredAt()), event.productId().value());
    }

    @EventHandler
    void on(ProductUnpublished event) {
        jdbc.update("UPDATE content.product SET published = false, updated_at = ? WHERE product_id = ?",
                ts(event.occurredAt()), event.productId().value());
    }

    @EventHandler
    void on(ProductDeleted event) {
        jdbc.update("UPDATE content.product SET deleted = true, published = false, updated_at = ? WHERE product_id = ?",
                ts(event.occurredAt()), event.productId().value());
    }

    /** A PostgreSQL array literal of the ids. */
    static String uuids(java.util.List<java.util.UUID> ids) {
        return ids == null ? "{}" : "{" + String.join(",", ids.stream().map(Object::toString).toList()) + "}";
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM content.product");
    }
}
