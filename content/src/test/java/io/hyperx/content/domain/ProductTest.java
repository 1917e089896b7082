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
import io.hyperx.kernel.DomainException;
import io.hyperx.kernel.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

class ProductTest {

    private static final ProductId PRODUCT = ProductId.random();
    private static final UUID CREATOR = UUID.randomUUID();
    private static final Money PRICE = Money.of(1500, "USD");
    private static final UUID FILE = UUID.randomUUID();

    private AggregateTestFixture<Product> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
        now = fixture.currentTime();
    }

    private ProductCreated created() {
        return new ProductCreated(PRODUCT, CREATOR, "Presets", "Lightroom presets", ProductType.DOWNLOAD, PRICE,
                null, List.of(), now);
    }

    @Test
    void createsADraftProduct() {
        fixture.givenNoPriorActivity()
                .when(new CreateProductCommand(PRODUCT, CREATOR, "Presets ", "Lightroom presets",
                        ProductType.DOWNLOAD, PRICE, null, null))
                .expectEvents(created());
    }

    @Test
    void refusesAFreeOrUntypedProduct() {
        fixture.givenNoPriorActivity()
                .when(new CreateProductCommand(PRODUCT, CREATOR, "Presets", null, ProductType.DOWNLOAD,
                        Money.of(0, "USD"), null, null))
                .expectException(DomainException.class)
                .expectExceptionMessage("A product's price must be positive.");
        fixture.givenNoPriorActivity()
                .when(new CreateProductCommand(PRODUCT, CREATOR, "Presets", null, null, PRICE, null, List.of()))
                .expectException(DomainException.class);
    }

    @Test
    void updatesWithATierGateAndFilesListedOnce() {
        fixture.given(created())
                .when(new UpdateProductCommand(PRODUCT, CREATOR, "Presets v2", "more", ProductType.DOWNLOAD,
                        Money.of(2000, "USD"), 2, List.of(FILE, FILE)))
                .expectEvents(new ProductUpdated(PRODUCT, CREATOR, "Presets v2", "more", ProductType.DOWNLOAD,
                        Money.of(2000, "USD"), 2, List.of(FILE), now));
    }

    @Test
    void publishAndUnpublishAreIdempotent() {
        fixture.given(created())
                .when(new PublishProductCommand(PRODUCT, CREATOR))
                .expectEvents(new ProductPublished(PRODUCT, CREATOR, now));
        fixture.given(created(), new ProductPublished(PRODUCT, CREATOR, now))
                .when(new PublishProductCommand(PRODUCT, CREATOR))
                .expectNoEvents();
        fixture.given(created(), new ProductPublished(PRODUCT, CREATOR, now))
                .when(new UnpublishProductCommand(PRODUCT, CREATOR))
                .expectEvents(new ProductUnpublished(PRODUCT, CREATOR, now));
        fixture.given(created())
                .when(new UnpublishProductCommand(PRODUCT, CREATOR))
                .expectNoEvents();
    }

    @Test
    void onlyTheCreatorChangesItAndDeletedIsFinal() {
        fixture.given(created())
                .when(new PublishProductCommand(PRODUCT, UUID.randomUUID()))
                .expectException(DomainException.class)
                .expectExceptionMessage("No such product.");
        fixture.given(created())
                .when(new DeleteProductCommand(PRODUCT, CREATOR))
                .expectEvents(new ProductDeleted(PRODUCT, CREATOR, now));
        fixture.given(created(), new ProductDeleted(PRODUCT, CREATOR, now))
                .when(new PublishProductCommand(PRODUCT, CREATOR))
                .expectException(DomainException.class);
    }
}
