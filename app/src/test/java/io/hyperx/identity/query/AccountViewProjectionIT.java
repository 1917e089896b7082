package io.hyperx.identity.query;

import io.hyperx.identity.IdentityHttpSupport;
import io.hyperx.identity.api.AccountErased;
import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountRegistered;
import io.hyperx.identity.api.AccountStatus;
import io.hyperx.identity.api.AccountSuspended;
import io.hyperx.identity.api.AccountUpgradedToCreator;
import io.hyperx.identity.api.AccountView;
import io.hyperx.identity.api.EmailVerified;
import io.hyperx.identity.api.FindAccountQuery;
import io.hyperx.identity.api.IsAccountSuspendedQuery;
import io.hyperx.identity.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection fed events directly: a redelivered batch leaves the same row; the queries read it. */
class AccountViewProjectionIT extends IdentityHttpSupport {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-02T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-03T10:00:00Z");

    @Autowired
    AccountViewProjection projection;

    @Autowired
    AccountViewRepository rows;

    private final List<AccountId> fed = new ArrayList<>();

    /** These rows have no events behind them: remove them so the shared table stays rebuildable. */
    @AfterEach
    void removeRowsWithoutEvents() {
        fed.forEach(id -> rows.deleteById(id.value()));
    }

    private void feed(AccountId id) {
        fed.add(id);
        projection.on(new AccountRegistered(id, Role.FAN, T0));
        projection.on(new EmailVerified(id, T1));
        projection.on(new AccountUpgradedToCreator(id, T1));
        projection.on(new AccountSuspended(id, AccountId.random(), T2));
    }

    @Test
    void aRedeliveredBatchLeavesTheSameRow() {
        AccountId id = AccountId.random();
        feed(id);
        AccountView once = projection.handle(new FindAccountQuery(id));
        feed(id);
        AccountView twice = projection.handle(new FindAccountQuery(id));

        assertThat(twice).isEqualTo(once);
        assertThat(once).isEqualTo(new AccountView(id, Role.CREATOR, AccountStatus.SUSPENDED, true, false, T0, T2));
        assertThat(projection.handle(new IsAccountSuspendedQuery(id))).isTrue();
    }

    @Test
    void anErasedAccountCountsAsSuspendedAndAnUnknownOneDoesNot() {
        AccountId id = AccountId.random();
        fed.add(id);
        projection.on(new AccountRegistered(id, Role.CREATOR, T0));
        assertThat(projection.handle(new IsAccountSuspendedQuery(id))).isFalse();
        projection.on(new AccountErased(id, T1));
        assertThat(projection.handle(new IsAccountSuspendedQuery(id))).isTrue();
        assertThat(projection.handle(new IsAccountSuspendedQuery(AccountId.random()))).isFalse();
        assertThat(projection.handle(new FindAccountQuery(AccountId.random()))).isNull();
    }
}
