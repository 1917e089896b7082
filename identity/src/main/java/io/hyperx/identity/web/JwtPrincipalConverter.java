package io.hyperx.identity.web;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.AccountStatus;
import io.hyperx.identity.application.AccountRecord;
import io.hyperx.identity.application.Accounts;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * A validated access token becomes an {@link AccountPrincipal}. The account's current role and status are read
 * (one primary-key lookup), so a suspension or an upgrade takes effect at once rather than when the token expires.
 */
@Component
class JwtPrincipalConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Accounts accounts;

    JwtPrincipalConverter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        AccountId id;
        try {
            id = AccountId.of(jwt.getSubject());
        } catch (RuntimeException malformed) {
            throw new CodedAuthenticationException("invalid_token", "The access token has no valid subject.");
        }
        AccountRecord account = accounts.byId(id).orElseThrow(
                () -> new CodedAuthenticationException("invalid_token", "The account no longer exists."));
        if (account.status() == AccountStatus.ERASED) {
            throw new CodedAuthenticationException("invalid_token", "The account no longer exists.");
        }
        if (account.status() == AccountStatus.SUSPENDED) {
            throw new CodedAuthenticationException("account_suspended", "The account is suspended.");
        }
        return new PrincipalAuthentication(
                new AccountPrincipal(id, account.role(), account.role().capabilities(), null));
    }
}
