package io.hyperx.identity.web;

import io.hyperx.identity.api.AccountPrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated request: the {@link AccountPrincipal}, with its capabilities as granted authorities. */
final class PrincipalAuthentication extends AbstractAuthenticationToken {

    private final AccountPrincipal principal;

    PrincipalAuthentication(AccountPrincipal principal) {
        super(principal.capabilities().stream().map(SimpleGrantedAuthority::new).toList());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public AccountPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.accountId().toString();
    }
}
