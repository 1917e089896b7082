package io.hyperx.identity.web;

import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.ApiKeyId;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.identity.application.ApiKeyService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The caller's API keys: create (the key is in this response only), list, revoke. */
@RestController
@RequestMapping("/api/v1/api-keys")
@RequiresCapability(Capability.API_KEYS_MANAGE)
class ApiKeyController {

    private final ApiKeyService apiKeys;

    ApiKeyController(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @PostMapping
    ResponseEntity<ApiKeyResponse> create(@AuthenticationPrincipal AccountPrincipal principal,
                                          @Valid @RequestBody CreateApiKeyRequest request) {
        ApiKeyService.Created created = apiKeys.create(principal, request.name(), request.scopes(),
                request.expiresAt());
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.summary().id()))
                .body(ApiKeyResponse.of(created.summary(), created.key()));
    }

    @GetMapping
    Map<String, Object> list(@AuthenticationPrincipal AccountPrincipal principal) {
        List<ApiKeyResponse> keys = apiKeys.list(principal.accountId()).stream()
                .map(summary -> ApiKeyResponse.of(summary, null)).toList();
        return Map.of("data", keys, "meta", Map.of("pagination",
                Map.of("page", 0, "size", keys.size(), "total", keys.size())));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        apiKeys.revoke(principal.accountId(), new ApiKeyId(id));
        return ResponseEntity.noContent().build();
    }

    record CreateApiKeyRequest(@NotBlank @Size(max = 100) String name,
                               @NotEmpty @Size(max = 64) Set<@NotBlank @Size(max = 64) String> scopes,
                               Instant expiresAt) {
    }

    record ApiKeyResponse(UUID id, String name, String prefix, List<String> scopes, String key, Instant createdAt,
                          Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
        static ApiKeyResponse of(ApiKeyService.Summary summary, String key) {
            return new ApiKeyResponse(summary.id().value(), summary.name(), summary.prefix(), summary.scopes(), key,
                    summary.createdAt(), summary.expiresAt(), summary.revokedAt(), summary.lastUsedAt());
        }
    }
}
