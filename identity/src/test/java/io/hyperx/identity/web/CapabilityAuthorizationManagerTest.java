package io.hyperx.identity.web;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.PublicEndpoint;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.identity.api.Role;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** Fail-closed: only declared endpoints are reachable, and only with the declared capability. */
class CapabilityAuthorizationManagerTest {

    static class Endpoints {
        public void undeclared() {
        }

        @PublicEndpoint
        public void open() {
        }

        @RequiresCapability(Capability.TIERS_WRITE)
        public void writeTiers() {
        }
    }

    @RequiresCapability(Capability.ACCOUNTS_SUSPEND)
    static class AdminEndpoints {
        public void suspend() {
        }

        @PublicEndpoint
        public void status() {
        }
    }

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("key", "anonymous",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private static Authentication as(Role role) {
        return new PrincipalAuthentication(new AccountPrincipal(AccountId.random(), role, role.capabilities(), null));
    }

    private static boolean granted(Object handler, Authentication caller) {
        StaticApplicationContext context = new StaticApplicationContext();
        HandlerMapping mapping = request -> handler == null ? null : new HandlerExecutionChain(handler);
        context.getBeanFactory().registerSingleton("mapping", mapping);
        context.refresh();
        CapabilityAuthorizationManager manager = new CapabilityAuthorizationManager(context);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/anything");
        return manager.check(() -> caller, new RequestAuthorizationContext(request)).isGranted();
    }

    private static HandlerMethod method(Object bean, String name) throws NoSuchMethodException {
        return new HandlerMethod(bean, bean.getClass().getMethod(name));
    }

    @Test
    void anUndeclaredEndpointIsDeniedToEveryone() throws Exception {
        HandlerMethod undeclared = method(new Endpoints(), "undeclared");
        assertThat(granted(undeclared, ANONYMOUS)).isFalse();
        assertThat(granted(undeclared, as(Role.ADMIN))).isFalse();
    }

    @Test
    void aPublicEndpointIsGrantedToAnonymousCallers() throws Exception {
        assertThat(granted(method(new Endpoints(), "open"), ANONYMOUS)).isTrue();
    }

    @Test
    void aCapabilityEndpointNeedsACallerHoldingIt() throws Exception {
        HandlerMethod writeTiers = method(new Endpoints(), "writeTiers");
        assertThat(granted(writeTiers, ANONYMOUS)).isFalse();
        assertThat(granted(writeTiers, as(Role.FAN))).isFalse();
        assertThat(granted(writeTiers, as(Role.CREATOR))).isTrue();
    }

    @Test
    void aClassLevelCapabilityAppliesUnlessTheMethodIsPublic() throws Exception {
        AdminEndpoints admin = new AdminEndpoints();
        assertThat(granted(method(admin, "suspend"), as(Role.CREATOR))).isFalse();
        assertThat(granted(method(admin, "suspend"), as(Role.ADMIN))).isTrue();
        assertThat(granted(method(admin, "status"), ANONYMOUS)).isTrue();
    }

    @Test
    void handlersOtherThanControllerMethodsAreDeniedAndUnmatchedRequestsPassToA404() {
        assertThat(granted(new Object(), as(Role.ADMIN))).isFalse();
        assertThat(granted(null, ANONYMOUS)).isTrue();
    }
}
