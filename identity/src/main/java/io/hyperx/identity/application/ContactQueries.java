package io.hyperx.identity.application;

import io.hyperx.identity.api.AccountContact;
import io.hyperx.identity.api.AccountStatus;
import io.hyperx.identity.api.FindAccountContactQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers where to reach an account's owner, for a message being sent now. */
@Component
class ContactQueries {

    private final Accounts accounts;

    ContactQueries(Accounts accounts) {
        this.accounts = accounts;
    }

    @QueryHandler
    AccountContact handle(FindAccountContactQuery query) {
        return accounts.byId(query.accountId())
                .filter(account -> account.status() != AccountStatus.ERASED && account.email() != null)
                .map(account -> new AccountContact(account.id(), account.email(), account.displayName(),
                        account.emailVerified()))
                .orElse(null);
    }
}
