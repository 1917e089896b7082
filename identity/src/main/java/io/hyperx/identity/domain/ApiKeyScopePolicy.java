package io.hyperx.identity.domain;

import io.hyperx.identity.api.Capability;
import io.hyperx.kernel.DomainException;

import java.util.Collection;
import java.util.List;

/** An API key's scopes are a non-empty subset of what its owner may do: a key never grants more than a person. */
public final class ApiKeyScopePolicy {

    private ApiKeyScopePolicy() {
    }

    public static void requireWithin(Collection<String> scopes, Collection<String> ownerCapabilities) {
        if (scopes == null || scopes.isEmpty()) {
            throw DomainException.invalid("scopes_required", "An API key needs at least one scope.");
        }
        List<String> beyond = scopes.stream().filter(scope -> !Capability.grants(ownerCapabilities, scope)).sorted()
                .toList();
        if (!beyond.isEmpty()) {
            throw new DomainException(422, "scope_not_allowed",
                    "Scopes beyond the owner's capabilities: " + String.join(", ", beyond));
        }
    }
}
