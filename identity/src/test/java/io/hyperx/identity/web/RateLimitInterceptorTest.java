package io.hyperx.identity.web;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.RateLimited;
import io.hyperx.identity.api.Role;
import io.hyperx.kernel.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code @RateLimited(per = ACCOUNT)} counts per account, whatever address the requests come from. */
class RateLimitInterceptorTest {

    static class Tips {
        @RateLimited(value = "tips", per = RateLimited.Per.ACCOUNT)
        public void tip() {
        }
    }

    private final RateLimiter limiter = new RateLimiter(new RateLimitSettings(
            Map.of("tips", new RateLimitSettings.Limit(2, Duration.ofMinutes(1)))));
    private final RateLimitInterceptor interceptor = new RateLimitInterceptor(limiter);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private void callAs(AccountId account, String ip) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new PrincipalAuthentication(
                new AccountPrincipal(account, Role.FAN, Role.FAN.capabilities(), null)));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/tips");
        request.setRemoteAddr(ip);
        interceptor.preHandle(request, new MockHttpServletResponse(),
                new HandlerMethod(new Tips(), Tips.class.getMethod("tip")));
    }

    @Test
    void theThirdTipOfOneAccountWithinTheMinuteIsRefusedFromAnyAddress() throws Exception {
        AccountId fan = AccountId.random();
        callAs(fan, "10.0.0.1");
        callAs(fan, "10.0.0.2");
        assertThatThrownBy(() -> callAs(fan, "10.0.0.3"))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(429);
                    assertThat(Long.parseLong(refused.headers().get("Retry-After"))).isBetween(1L, 60L);
                });
        callAs(AccountId.random(), "10.0.0.3");
    }

    @Test
    void anUnconfiguredLimitIsAnError() {
        assertThatThrownBy(() -> limiter.consume("unknown", "k")).isInstanceOf(IllegalStateException.class);
        assertThat(limiter.isConfigured("tips")).isTrue();
    }
}
