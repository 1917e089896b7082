package io.hyperx.identity.query;

import io.hyperx.identity.api.AccountErased;
import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountProfileChanged;
import io.hyperx.identity.api.AccountRegistered;
import io.hyperx.identity.api.AccountReinstated;
import io.hyperx.identity.api.AccountStatus;
import io.hyperx.identity.api.AccountSuspended;
import io.hyperx.identity.api.AccountUpgradedToCreator;
import io.hyperx.identity.api.AccountView;
import io.hyperx.identity.api.CreatorProfileUpdated;
import io.hyperx.identity.api.EmailVerified;
import io.hyperx.identity.api.FindAccountQuery;
import io.hyperx.identity.api.IsAccountSuspendedQuery;
import io.hyperx.identity.api.Role;
import io.hyperx.identity.api.TwoFactorEnabled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code identity.account_view}: every account's role and status, without personal data, for other contexts
 * ({@link IsAccountSuspendedQuery}, {@link FindAccountQuery}). Handlers set absolute values taken from the event
 * (never increments, never the wall clock), so a redelivered batch or a replay produces the same rows.
 */
@Component
@ProcessingGroup(AccountViewProjection.PROCESSING_GROUP)
public class AccountViewProjection {

    public static final String PROCESSING_GROUP = "identity-accounts";

    private final AccountViewRepository rows;

    AccountViewProjection(AccountViewRepository rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(AccountRegistered event) {
        if (!rows.existsById(event.accountId().value())) {
            rows.save(new AccountViewEntity(event.accountId().value(), event.role().wireName(),
                    event.registeredAt()));
        }
    }

    @EventHandler
    void on(EmailVerified event) {
        update(event.accountId(), row -> row.emailVerified(event.verifiedAt()));
    }

    @EventHandler
    void on(TwoFactorEnabled event) {
        update(event.accountId(), row -> row.twoFactorEnabled(event.enabledAt()));
    }

    @EventHandler
    void on(AccountUpgradedToCreator event) {
        update(event.accountId(), row -> row.role(Role.CREATOR.wireName(), event.upgradedAt()));
    }

    @EventHandler
    void on(AccountSuspended event) {
        update(event.accountId(), row -> row.status(AccountStatus.SUSPENDED.wireName(), event.suspendedAt()));
    }

    @EventHandler
    void on(AccountReinstated event) {
        update(event.accountId(), row -> row.status(AccountStatus.ACTIVE.wireName(), event.reinstatedAt()));
    }

    @EventHandler
    void on(AccountErased event) {
        update(event.accountId(), row -> {
            row.status(AccountStatus.ERASED.wireName(), event.erasedAt());
            row.profilePublished(false, event.erasedAt());
        });
    }

    @EventHandler
    void on(CreatorProfileUpdated event) {
        update(event.accountId(), row -> row.profilePublished(event.published(), event.updatedAt()));
    }

    @EventHandler
    void on(AccountProfileChanged event) {
        update(event.accountId(), row -> row.touched(event.changedAt()));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    @QueryHandler
    Boolean handle(IsAccountSuspendedQuery query) {
        return rows.findById(query.accountId().value())
                .map(row -> !AccountStatus.ACTIVE.wireName().equals(row.status()))
                .orElse(false);
    }

    @QueryHandler
    AccountView handle(FindAccountQuery query) {
        return rows.findById(query.accountId().value()).map(row -> new AccountView(new AccountId(row.accountId()),
                        Role.fromWireName(row.role()), AccountStatus.valueOf(row.status().toUpperCase(Locale.ROOT)),
                        row.emailVerified(), row.twoFactorEnabled(), row.registeredAt(), row.updatedAt()))
                .orElse(null);
    }

    private void update(AccountId id, Consumer<AccountViewEntity> change) {
        rows.findById(id.value()).ifPresent(row -> {
            change.accept(row);
            rows.save(row);
        });
    }
}
