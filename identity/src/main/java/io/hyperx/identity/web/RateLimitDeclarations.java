package io.hyperx.identity.web;

import io.hyperx.identity.api.RateLimited;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;

/** Startup check: every {@link RateLimited} names a configured limit, so a typo fails the start, not a request. */
@Component
class RateLimitDeclarations {

    private final RateLimiter limiter;

    RateLimitDeclarations(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @EventListener
    void check(ContextRefreshedEvent event) {
        ApplicationContext context = event.getApplicationContext();
        List<String> unknown = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            for (HandlerMethod method : mapping.getHandlerMethods().values()) {
                RateLimited limit = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RateLimited.class);
                if (limit == null) {
                    limit = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RateLimited.class);
                }
                if (limit != null && !limiter.isConfigured(limit.value())) {
                    unknown.add(limit.value() + " on " + method);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("@RateLimited names limits missing from hyperx.rate-limits: " + unknown);
        }
    }
}
