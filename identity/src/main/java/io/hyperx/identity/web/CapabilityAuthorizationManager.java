package io.hyperx.identity.web;

import io.hyperx.identity.api.AccountPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fail-closed authorization: finds the handler Spring MVC will dispatch the request to and grants it only when the
 * handler is a controller method marked {@code @PublicEndpoint}, or marked {@code @RequiresCapability} and the
 * principal holds that capability. A handler with neither, or of any other kind, is denied. A request no handler
 * matches passes through, so Spring MVC answers 404/405 without running anything.
 */
@Component
class CapabilityAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

    private final ApplicationContext context;
    private volatile List<HandlerMapping> mappings;

    CapabilityAuthorizationManager(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
        Optional<Object> handler = handlerFor(request.getRequest());
        if (handler.isEmpty()) {
            return GRANTED;
        }
        if (!(handler.get() instanceof HandlerMethod method)) {
            return DENIED;
        }
        if (EndpointDeclarations.isPublic(method)) {
            return GRANTED;
        }
        Optional<String> required = EndpointDeclarations.requiredCapability(method);
        if (required.isEmpty()) {
            return DENIED;
        }
        Authentication caller = authentication.get();
        if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
            return DENIED;
        }
        return caller.getPrincipal() instanceof AccountPrincipal principal && principal.can(required.get())
                ? GRANTED : DENIED;
    }

    private Optional<Object> handlerFor(HttpServletRequest request) {
        Object previousPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            for (HandlerMapping mapping : mappings()) {
                HandlerExecutionChain chain;
                try {
                    chain = mapping.getHandler(request);
                } catch (Exception noMatch) {
                    // 405/406/415: Spring MVC refuses the request itself; no handler runs.
                    return Optional.empty();
                }
                if (chain != null) {
                    return Optional.of(chain.getHandler());
                }
            }
            return Optional.empty();
        } finally {
            if (previousPath == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previousPath);
            }
        }
    }

    private List<HandlerMapping> mappings() {
        List<HandlerMapping> found = mappings;
        if (found == null) {
            found = new ArrayList<>(BeanFactoryUtils.beansOfTypeIncludingAncestors(context, HandlerMapping.class,
                    true, false).values());
            AnnotationAwareOrderComparator.sort(found);
            mappings = List.copyOf(found);
        }
        return found;
    }
}
