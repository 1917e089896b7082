package io.hyperx.identity;

import io.hyperx.identity.web.EndpointDeclarations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every request mapping in the running app declares a capability or is explicitly public. */
class FailClosedIT extends IdentityHttpSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void everyRequestMappingDeclaresACapabilityOrIsPublic() {
        List<String> undeclared = new ArrayList<>();
        int mappings = 0;
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                mappings++;
                if (!EndpointDeclarations.isDeclared(entry.getValue()) && !isApiDocumentation(entry.getValue())) {
                    undeclared.add(entry.getKey() + " -> " + entry.getValue());
                }
            }
        }
        assertThat(mappings).as("request mappings found").isGreaterThan(20);
        assertThat(undeclared).as("mappings with neither @RequiresCapability nor @PublicEndpoint").isEmpty();
    }

    /** springdoc's own handlers, made public by their own filter chain (app's DocsSecurityConfiguration). */
    private static boolean isApiDocumentation(HandlerMethod method) {
        return method.getBeanType().getName().startsWith("org.springdoc.");
    }

    @Test
    void healthAndErrorArePublicButTheApiIsNot() {
        assertThat(get("/health").status()).isEqualTo(200);
        assertThat(get("/health/ready").status()).isIn(200, 503);
        assertThat(get("/actuator/health").status()).isEqualTo(200);
        assertThat(get("/api/v1/api-keys").status()).isEqualTo(401);
        assertThat(get("/api/v1/creators/profile").status()).isEqualTo(401);
    }

    @Test
    void aRoleWithoutTheCapabilityIsForbiddenWithAProblem() {
        Session fan = register("fan");
        Response response = get("/api/v1/creators/profile", fan.auth());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void unknownPathsAreNotFoundProblems() {
        Response response = get("/api/v1/does-not-exist");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not_found");
    }
}
