package io.hyperx.content.domain;

import io.hyperx.content.api.CreateProductCommand;
import io.hyperx.content.api.DeleteProductCommand;
import io.hyperx.content.api.ProductCreated;
import io.hyperx.content.api.ProductDeleted;
import io.hyperx.content.api.ProductId;
import io.hyperx.content.api.ProductPublished;
import io.hyperx.content.api.ProductType;
import io.hyperx.content.api.ProductUnpublished;
import io.hyperx.content.api.ProductUpdated;
import io.hyperx.content.api.PublishProductCommand;
import io.hyperx.content.api.UnpublishProductCommand;
import io.hyperx.content.api.UpdateProductCommand;
import io.hyperx.kernel.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One digital product: Draft <-> Published; Deleted is final. Only its creator changes it. */
@Aggregate
public class Product {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 20_000;

    @AggregateIdentifier
    private ProductId productId;
    private UUID creatorId;
    private boolean published;
    private boolean deleted;

    protected Product() {
    }

    @CommandHandler
    Product(CreateProductCommand command) {
        validate(command.title(), command.description(), command.type(), command.price(), command.minTierRank());
        apply(new ProductCreated(command.productId(), command.creatorId(), command.title().strip(),
                command.description(), command.type(), command.price(), command.minTierRank(), files(command.fileIds()),
                now()));
    }

    @CommandHandler
    void handle(UpdateProductCommand command) {
        requireOwner(command.creatorId());
        validate(command.title(), command.description(), command.type(), command.price(), command.minTierRank());
        apply(new ProductUpdated(productId, creatorId, command.title().strip(), command.description(),
                command.type(), command.price(), command.minTierRank(), files(command.fileIds()), now()));
    }

    @CommandHandler
    void handle(PublishProductCommand command) {
        requireOwner(command.creatorId());
        if (!published) {
            apply(new ProductPublished(productId, creatorId, now()));
        }
    }

    @CommandHandler
    void handle(UnpublishProductCommand command) {
        requireOwner(command.creatorId());
        if (published) {
            apply(new ProductUnpublished(productId, creatorId, now()));
        }
    }

    @CommandHandler
    void handle(DeleteProductCommand command) {
        requireOwner(command.creatorId());
        apply(new ProductDeleted(productId, creatorId, now()));
    }

    @EventSourcingHandler
    void on(ProductCreated event) {
        productId = event.productId();
        creatorId = event.creatorId();
    }

    @EventSourcingHandler
    void on(ProductPublished event) {
        published = true;
    }

    @EventSourcingHandler
    void on(ProductUnpublished event) {
        published = false;
    }

    @EventSourcingHandler
    void on(ProductDeleted event) {
        deleted = true;
        published = false;
    }

    private void requireOwner(UUID caller) {
        if (deleted || !creatorId.equals(caller)) {
            throw ContentProblem.notFound("product_not_found", "No such product.");
        }
    }

    private static void validate(String title, String description, ProductType type, Money price,
                                 Integer minTierRank) {
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
            throw ContentProblem.unprocessable("invalid_title", "A title has 1 to " + MAX_TITLE + " characters.");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw ContentProblem.unprocessable("invalid_description",
                    "A description has at most " + MAX_DESCRIPTION + " characters.");
        }
        if (type == null) {
            throw ContentProblem.unprocessable("invalid_type", "type is one of DOWNLOAD, COURSE, UNLOCKABLE.");
        }
        if (price == null || price.signum() <= 0) {
            throw ContentProblem.unprocessable("invalid_price", "A product's price must be positive.");
        }
        if (minTierRank != null && minTierRank < 1) {
            throw ContentProblem.unprocessable("invalid_tier_gate", "minTierRank is at least 1 when given.");
        }
    }

    private static List<UUID> files(List<UUID> fileIds) {
        return fileIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(fileIds));
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
