package io.hyperx.identity;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.IsAccountSuspendedQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Upgrading a fan, suspending and reinstating accounts, and the suspension query other contexts use. */
class AccountAdministrationIT extends IdentityHttpSupport {

    @Autowired
    QueryGateway queries;

    boolean suspended(Session session) {
        return queries.query(new IsAccountSuspendedQuery(new AccountId(session.id())), Boolean.class).join();
    }

    void awaitSuspended(Session session, boolean expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (suspended(session) != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(suspended(session)).isEqualTo(expected);
    }

    @Test
    void theBootstrapAdminCanLogIn() {
        Session admin = admin();
        Response me = get("/api/v1/auth/me", admin.auth());
        assertThat(me.json().path("role").asText()).isEqualTo("admin");
        assertThat(me.json().path("emailVerified").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM identity.account WHERE role = 'admin'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aFanUpgradesThemselvesAndGainsCreatorCapabilitiesAtOnce() {
        Session fan = register("fan");
        assertThat(get("/api/v1/creators/profile", fan.auth()).status()).isEqualTo(403);

        Response upgraded = post("/api/v1/accounts/" + fan.id() + "/upgrade", null, fan.auth());
        assertThat(upgraded.status()).isEqualTo(200);
        assertThat(upgraded.json().path("role").asText()).isEqualTo("creator");
        assertThat(get("/api/v1/creators/profile", fan.auth()).status()).isEqualTo(200);

        Response again = post("/api/v1/accounts/" + fan.id() + "/upgrade", null, fan.auth());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("already_creator");
    }

    @Test
    void aFanCannotUpgradeSomeoneElse() {
        Session fan = register("fan");
        Session other = register("fan");
        Response response = post("/api/v1/accounts/" + other.id() + "/upgrade", null, fan.auth());
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void aSuspendedAccountCannotLogInOrUseItsTokensUntilReinstated() throws Exception {
        Session fan = register("fan");
        Session admin = admin();

        Response byFan = post("/api/v1/admin/accounts/" + fan.id() + "/suspend", null, fan.auth());
        assertThat(byFan.status()).isEqualTo(403);

        Response suspended = post("/api/v1/admin/accounts/" + fan.id() + "/suspend", null, admin.auth());
        assertThat(suspended.status()).as(suspended.raw()).isEqualTo(200);
        assertThat(suspended.json().path("status").asText()).isEqualTo("suspended");

        Response login = post("/api/v1/auth/login", body("email", fan.email(), "password", PASSWORD));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.code()).isEqualTo("account_suspended");
        Response withOldToken = get("/api/v1/auth/me", fan.auth());
        assertThat(withOldToken.status()).isEqualTo(401);
        assertThat(withOldToken.code()).isEqualTo("account_suspended");
        assertThat(post("/api/v1/auth/refresh", body("refreshToken", fan.refreshToken())).status()).isEqualTo(401);
        awaitSuspended(fan, true);

        Response reinstated = post("/api/v1/admin/accounts/" + fan.id() + "/reinstate", null, admin.auth());
        assertThat(reinstated.status()).isEqualTo(200);
        assertThat(reinstated.json().path("status").asText()).isEqualTo("active");
        assertThat(post("/api/v1/auth/login", body("email", fan.email(), "password", PASSWORD)).status())
                .isEqualTo(200);
        awaitSuspended(fan, false);

        Response notSuspended = post("/api/v1/admin/accounts/" + fan.id() + "/reinstate", null, admin.auth());
        assertThat(notSuspended.status()).isEqualTo(409);
        assertThat(notSuspended.code()).isEqualTo("not_suspended");
    }

    @Test
    void unknownAccountsAndAdminsCannotBeSuspended() {
        Session admin = admin();
        Response unknown = post("/api/v1/admin/accounts/00000000-0000-0000-0000-000000000000/suspend", null,
                admin.auth());
        assertThat(unknown.status()).isEqualTo(404);
        Response self = post("/api/v1/admin/accounts/" + admin.id() + "/suspend", null, admin.auth());
        assertThat(self.status()).isEqualTo(409);
        Response badId = post("/api/v1/admin/accounts/not-a-uuid/suspend", null, admin.auth());
        assertThat(badId.status()).isEqualTo(400);
    }
}
