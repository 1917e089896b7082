package io.hyperx.app.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperx.app.FoundationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Every request mapping of the product is in the OpenAPI document, with problem responses. */
@FoundationTest
class OpenApiCoverageIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyProductRequestMappingIsDocumented() {
        JsonNode paths = apiDocs().path("paths");
        List<String> missing = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("io.hyperx.") || isErrorPage(info)) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod verb : verbs(info)) {
                    String operation = verb.name().toLowerCase(Locale.ROOT);
                    checked.add(operation + " " + pattern);
                    if (!paths.path(pattern).has(operation)) {
                        missing.add(operation + " " + pattern);
                    }
                }
            }
        });

        assertThat(checked).contains("get /health", "get /health/ready", "get /health/schema");
        assertThat(missing).isEmpty();
    }

    @Test
    void documentDeclaresBothSecuritySchemesAndProblemResponses() {
        JsonNode docs = apiDocs();

        assertThat(docs.path("components").path("securitySchemes").has("bearer")).isTrue();
        assertThat(docs.path("components").path("securitySchemes").path("apiKey").path("name").asText())
                .isEqualTo("X-API-Key");
        assertThat(docs.path("paths").path("/health/ready").path("get").path("responses").has("4XX")).isTrue();
    }

    @Test
    void swaggerUiIsServed() {
        ResponseEntity<String> response = http.getForEntity("/swagger-ui/index.html", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private JsonNode apiDocs() {
        ResponseEntity<JsonNode> response = http.getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static boolean isErrorPage(RequestMappingInfo info) {
        return info.getPatternValues().contains("/error");
    }

    private static List<RequestMethod> verbs(RequestMappingInfo info) {
        var declared = info.getMethodsCondition().getMethods();
        return declared.isEmpty() ? List.of(RequestMethod.GET) : List.copyOf(declared);
    }

}
