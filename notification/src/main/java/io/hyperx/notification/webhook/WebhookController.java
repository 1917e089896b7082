package io.hyperx.notification.webhook;

import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.subscription.api.Pagination;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The calling creator's webhook endpoints: register, list, delete, rotate the secret, send a test, see deliveries. */
@RestController
@RequestMapping("/api/v1/creators/webhooks")
class WebhookController {

    private final WebhookEndpoints endpoints;
    private final WebhookPublisher publisher;
    private final WebhookDeliveries deliveries;

    WebhookController(WebhookEndpoints endpoints, WebhookPublisher publisher, WebhookDeliveries deliveries) {
        this.endpoints = endpoints;
        this.publisher = publisher;
        this.deliveries = deliveries;
    }

    record WebhookRegistrationRequest(@NotBlank String url, List<String> eventTypes) {
    }

    /** An endpoint with its secret: the only time the secret is shown. */
    record EndpointWithSecret(UUID id, String url, List<String> eventTypes, String status, Instant createdAt,
                              Instant previousSecretUntil, String secret) {

        static EndpointWithSecret of(WebhookEndpoints.WithSecret created) {
            WebhookEndpoints.Endpoint endpoint = created.endpoint();
            return new EndpointWithSecret(endpoint.id(), endpoint.url(), endpoint.eventTypes(), endpoint.status(),
                    endpoint.createdAt(), endpoint.previousSecretUntil(), created.secret());
        }
    }

    @GetMapping
    @RequiresCapability(Capability.WEBHOOKS_MANAGE)
    Map<String, Object> list(@AuthenticationPrincipal AccountPrincipal principal) {
        List<WebhookEndpoints.Endpoint> all = endpoints.list(principal.accountId().value());
        return Map.of("data", all, "meta", Map.of("pagination",
                new Pagination(0, WebhookEndpoints.MAX_PER_CREATOR, all.size(), 1)));
    }

    @PostMapping
    @RequiresCapability(Capability.WEBHOOKS_MANAGE)
    ResponseEntity<EndpointWithSecret> register(@AuthenticationPrincipal AccountPrincipal principal,
                                                @Valid @RequestBody WebhookRegistrationRequest request) {
        EndpointWithSecret created = EndpointWithSecret.of(
                endpoints.register(principal.accountId().value(), request.url(), request.eventTypes()));
        return ResponseEntity.created(URI.create("/api/v1/creators/webhooks/" + created.id())).body(created);
    }

    @DeleteMapping("/{id}")
    @RequiresCapability(Capability.WEBHOOKS_MANAGE)
    ResponseEntity<Void> delete(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        endpoints.delete(principal.accountId().value(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate-secret")
    @RequiresCapability(Capability.WEBHOOKS_MANAGE)
    EndpointWithSecret rotate(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        return EndpointWithSecret.of(endpoints.rotate(principal.accountId().value(), id));
    }

    @PostMapping("/{id}/test")
    @RequiresCapability(Capability.WEBHOOKS_MANAGE)
    ResponseEntity<Map<String, Object>> test(@AuthenticationPrincipal AccountPrincipal principal,
                                             @PathVariable UUID id) {
        UUID delivery = publisher.test(principal.accountId().value(), id);
        return ResponseEntity.accepted().body(Map.of("deliveryId", delivery));
    }

    @GetMapping("/{id}/deliveries")
    @RequiresCapability(Capability.WEBHOOKS_MANAGE)
    Map<String, Object> deliveries(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        endpoints.find(principal.accountId().value(), id);
        int bounded = size <= 0 ? 20 : Math.min(size, 100);
        int from = Math.max(page, 0);
        WebhookDeliveries.Page found = deliveries.page(id, from, bounded);
        return Map.of("data", found.data(), "meta", Map.of("pagination", new Pagination(from, bounded,
                found.total(), (int) ((found.total() + bounded - 1) / bounded))));
    }
}
