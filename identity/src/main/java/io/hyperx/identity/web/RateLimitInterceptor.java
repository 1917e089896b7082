package io.hyperx.identity.web;

import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Applies {@link RateLimited} on controller methods or classes; the 429 is rendered by the problem advice. */
final class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimiter limiter;

    RateLimitInterceptor(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            RateLimited limit = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RateLimited.class);
            if (limit == null) {
                limit = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RateLimited.class);
            }
            if (limit != null) {
                limiter.consume(limit.value(), keyFor(limit.per(), request));
            }
        }
        return true;
    }

    private static String keyFor(RateLimited.Per per, HttpServletRequest request) {
        if (per == RateLimited.Per.ACCOUNT) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
                return "account:" + principal.accountId();
            }
        }
        return "ip:" + request.getRemoteAddr();
    }
}
