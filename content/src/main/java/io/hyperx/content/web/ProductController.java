package io.hyperx.content.web;

import io.hyperx.content.api.CreateProductCommand;
import io.hyperx.content.api.DeleteProductCommand;
import io.hyperx.content.api.ProductId;
import io.hyperx.content.api.ProductType;
import io.hyperx.content.api.PublishProductCommand;
import io.hyperx.content.api.UnpublishProductCommand;
import io.hyperx.content.api.UpdateProductCommand;
import io.hyperx.content.application.Purchases;
import io.hyperx.content.application.Uploads;
import io.hyperx.content.domain.ContentProblem;
import io.hyperx.content.query.ContentProjections;
import io.hyperx.content.query.ContentReads;
import io.hyperx.content.query.ContentReads.ProductRow;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.PublicEndpoint;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.kernel.Money;
import io.hyperx.platform.consistency.ReadsProjections;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Digital products: a creator's catalog, its public face, purchases and a fan's library. */
@ReadsProjections(ContentProjections.GROUP)
@RestController
class ProductController {

    private final Commands commands;
    private final ContentReads reads;
    private final Purchases purchases;
    private final Uploads uploads;
    private final ContentCreatorPages creators;

    ProductController(Commands commands, ContentReads reads, Purchases purchases, Uploads uploads,
                      ContentCreatorPages creators) {
        this.creators = creators;
        this.uploads = uploads;
        this.commands = commands;
        this.reads = reads;
        this.purchases = purchases;
    }

    record ProductRequest(String title, String description, ProductType type, Money price, Integer minTierRank,
                          List<UUID> fileIds) {
    }

    record ProductView(UUID id, UUID creatorId, String title, String description, ProductType type, Money price,
                       Integer minTierRank, List<UUID> fileIds, boolean published, Instant createdAt,
                       Instant updatedAt) {

        static ProductView of(ProductRow row) {
            return new ProductView(row.id(), row.creatorId(), row.title(), row.description(),
                    ProductType.valueOf(row.type()), row.price(), row.minTierRank(), row.fileIds(), row.published(),
                    row.createdAt(), row.updatedAt());
        }
    }

    record PurchaseRequest(UUID productId, String paymentMethodId) {
    }

    record PurchaseStarted(UUID id, UUID productId, Money amount, String status) {
    }

    @GetMapping("/api/v1/creators/products")
    @RequiresCapability(Capability.PRODUCTS_WRITE)
    Map<String, Object> own(@AuthenticationPrincipal AccountPrincipal principal) {
        return Lists.all(reads.productsOf(principal.accountId().value(), false).stream().map(ProductView::of)
                .toList());
    }

    @PostMapping("/api/v1/creators/products")
    @RequiresCapability(Capability.PRODUCTS_WRITE)
    ResponseEntity<ProductView> create(@AuthenticationPrincipal AccountPrincipal principal,
                                       @RequestBody ProductRequest request) {
        ProductId id = ProductId.random();
        UUID creator = principal.accountId().value();
        uploads.requireOwnProductFiles(creator, request.fileIds());
        commands.send(new CreateProductCommand(id, creator, request.title(), request.description(), request.type(),
                request.price(), request.minTierRank(), request.fileIds()), "product_not_found");
        Instant now = Instant.now();
        return ResponseEntity.created(URI.create("/api/v1/creators/products/" + id)).body(new ProductView(id.value(),
                creator, request.title().strip(), request.description(), request.type(), request.price(),
                request.minTierRank(), request.fileIds() == null ? List.of() : request.fileIds(), false, now, now));
    }

    @PutMapping("/api/v1/creators/products/{id}")
    @RequiresCapability(Capability.PRODUCTS_WRITE)
    ResponseEntity<Void> update(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
                                @RequestBody ProductRequest request) {
        uploads.requireOwnProductFiles(principal.accountId().value(), request.fileIds());
        commands.send(new UpdateProductCommand(new ProductId(id), principal.accountId().value(), request.title(),
                request.description(), request.type(), request.price(), request.minTierRank(), request.fileIds()),
                "product_not_found");
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/creators/products/{id}/publish")
    @RequiresCapability(Capability.PRODUCTS_WRITE)
    ResponseEntity<Void> publish(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        commands.send(new PublishProductCommand(new ProductId(id), principal.accountId().value()),
                "product_not_found");
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/creators/products/{id}/unpublish")
    @RequiresCapability(Capability.PRODUCTS_WRITE)
    ResponseEntity<Void> unpublish(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        commands.send(new UnpublishProductCommand(new ProductId(id), principal.accountId().value()),
                "product_not_found");
        return ResponseEntity.accepted().build();
    }

    @DeleteMapping("/api/v1/creators/products/{id}")
    @RequiresCapability(Capability.PRODUCTS_WRITE)
    ResponseEntity<Void> delete(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        commands.send(new DeleteProductCommand(new ProductId(id), principal.accountId().value()),
                "product_not_found");
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/public/creators/{creator}/products")
    @PublicEndpoint
    Map<String, Object> published(@PathVariable String creator) {
        return Lists.all(reads.productsOf(creators.idOf(creator), true).stream().map(ProductView::of).toList());
    }

    /** Starts buying a published product ({@code Idempotency-Key}: the same key starts one payment). */
    @PostMapping("/api/v1/fans/purchases")
    @RequiresCapability(Capability.PURCHASES_CREATE)
    ResponseEntity<PurchaseStarted> purchase(@AuthenticationPrincipal AccountPrincipal principal,
                                             @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                             @RequestBody PurchaseRequest request) {
        if (request.productId() == null) {
            throw ContentProblem.unprocessable("product_required", "productId is required.");
        }
        UUID fan = principal.accountId().value();
        ProductRow product = reads.product(request.productId()).filter(p -> p.published() && !p.deleted())
                .orElseThrow(() -> ContentProblem.notFound("product_not_found", "No such product on sale."));
        if (product.creatorId().equals(fan)) {
            throw ContentProblem.unprocessable("own_product", "Creators do not buy their own products.");
        }
        if (product.minTierRank() != null && reads.heldTiers(fan, product.creatorId()).stream()
                .noneMatch(tier -> tier.rank() >= product.minTierRank())) {
            throw ContentProblem.forbidden("tier_required",
                    "This product is sold to members of rank " + product.minTierRank() + " or above.");
        }
        if ((key == null || key.isBlank()) && reads.unlocked(fan, product.id())) {
            throw ContentProblem.conflict("already_owned", "You own this product already.");
        }
        if (request.paymentMethodId() == null || request.paymentMethodId().isBlank()) {
            throw ContentProblem.unprocessable("payment_method_required", "paymentMethodId is required.");
        }
        PaymentId payment = purchases.start(PaymentPurpose.PRODUCT_PURCHASE, product.id(), fan, product.creatorId(),
                product.price(), request.paymentMethodId(), key);
        return ResponseEntity.created(URI.create("/api/v1/fans/library"))
                .body(new PurchaseStarted(payment.value(), product.id(), product.price(), "processing"));
    }

    @GetMapping("/api/v1/fans/library")
    @RequiresCapability(Capability.PURCHASES_CREATE)
    Map<String, Object> library(@AuthenticationPrincipal AccountPrincipal principal) {
        return Lists.all(reads.library(principal.accountId().value()).stream().map(ProductView::of).toList());
    }
}
