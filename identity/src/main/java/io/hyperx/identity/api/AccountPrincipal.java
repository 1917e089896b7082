package io.hyperx.identity.api;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: the account, its role, and the capabilities this request holds (the role's, or an API key's
 * scopes). Controllers take it with {@code @AuthenticationPrincipal AccountPrincipal principal}.
 *
 * @param apiKeyId the API key used, or {@code null} for a person's access token
 */
public record AccountPrincipal(AccountId accountId, Role role, Set<String> capabilities, ApiKeyId apiKeyId) {

    public AccountPrincipal {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
        capabilities = Set.copyOf(capabilities);
    }

    public boolean can(String capability) {
        return Capability.grants(capabilities, capability);
    }

    public boolean viaApiKey() {
        return apiKeyId != null;
    }
}
