package io.hyperx.identity.web;

import io.hyperx.identity.api.PublicEndpoint;
import io.hyperx.identity.api.RequiresCapability;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

import java.util.Optional;

/** What a handler method declares: public, a capability (method first, then its class), or nothing (denied). */
public final class EndpointDeclarations {

    private EndpointDeclarations() {
    }

    public static boolean isPublic(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PublicEndpoint.class)
                || (requiredOnMethod(method).isEmpty()
                && AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PublicEndpoint.class));
    }

    public static Optional<String> requiredCapability(HandlerMethod method) {
        return requiredOnMethod(method).or(() -> Optional.ofNullable(
                AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresCapability.class))
                .map(RequiresCapability::value));
    }

    public static boolean isDeclared(HandlerMethod method) {
        return isPublic(method) || requiredCapability(method).isPresent();
    }

    private static Optional<String> requiredOnMethod(HandlerMethod method) {
        return Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(method.getMethod(),
                RequiresCapability.class)).map(RequiresCapability::value);
    }
}
