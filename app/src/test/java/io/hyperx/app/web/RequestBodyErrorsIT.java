package io.hyperx.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperx.app.FoundationTest;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.Role;
import io.hyperx.identity.web.EndpointDeclarations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the OpenAPI document and sends every operation with a JSON body that body with one field broken at a time
 * (wrong type; an unknown enum value; a bad UUID or date; bad money), as an account allowed to call it. The answer
 * is never a 5xx and never a 2xx; when it is 400/422 it is problem details naming that field by its JSON path.
 */
@FoundationTest
@TestPropertySource(properties = {"hyperx.rate-limits.register.capacity=1000",
        "hyperx.rate-limits.forgot-password.capacity=1000", "hyperx.rate-limits.one-time-token.capacity=1000",
        "hyperx.rate-limits.tips.capacity=1000", "hyperx.rate-limits.refresh.capacity=1000"})
class RequestBodyErrorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "request body walker passphrase";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode schemas;

    /** One broken body: which field, and the JSON sent. */
    record Breakage(String field, JsonNode body) {
    }

    @Test
    void everyBrokenFieldIsNamedAndNothingIs500() throws Exception {
        JsonNode docs = JSON.readTree(send("GET", "/v3/api-docs", null, null).body());
        schemas = docs.path("components").path("schemas");
        Map<Role, String> tokens = Map.of(Role.FAN, register("fan"), Role.CREATOR, register("creator"),
                Role.ADMIN, login(FoundationTest.ADMIN_EMAIL, FoundationTest.ADMIN_PASSWORD));
        Map<String, HandlerMethod> handlers = handlers();

        List<String> failures = new ArrayList<>();
        Set<String> exercised = new LinkedHashSet<>();
        Map<Integer, Integer> statuses = new HashMap<>();
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                if (schema.isMissingNode()) {
                    continue;
                }
                String method = op.getKey().toUpperCase(Locale.ROOT);
                String operation = method + " " + path.getKey();
                String token = tokenFor(handlers.get(operation), tokens);
                String url = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                for (Breakage breakage : breakages(schema)) {
                    HttpResponse<String> response = send(method, url, breakage.body().toString(), token);
                    sent++;
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    String seen = operation + " broken " + breakage.field() + " " + breakage.body() + " -> "
                            + response.statusCode() + " " + response.body();
                    if (response.statusCode() >= 500 || response.statusCode() < 300) {
                        failures.add(seen);
                    } else if (response.statusCode() == 400 || response.statusCode() == 422) {
                        if (namesField(response, breakage.field())) {
                            exercised.add(operation);
                        } else {
                            failures.add(seen);
                        }
                    }
                }
            }
        }

        System.out.printf("request-body walk: %d broken bodies, %d operations answered naming the field, "
                + "statuses %s%n", sent, exercised.size(), statuses);
        assertThat(failures).isEmpty();
        assertThat(exercised).hasSizeGreaterThanOrEqualTo(30)
                .contains("POST /api/v1/creators/tiers", "POST /api/v1/fans/tips", "POST /api/v1/creators/posts",
                        "PUT /api/v1/me/notification-preferences", "POST /api/v1/auth/register");
    }

    private static boolean namesField(HttpResponse<String> response, String field) throws IOException {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                || response.body().contains("not readable")) {
            return false;
        }
        return JSON.readTree(response.body()).path("errors").findValuesAsText("field").contains(field);
    }

    /** Every way to break each field of a body of this schema (nested objects and array items included). */
    private List<Breakage> breakages(JsonNode schema) {
        JsonNode valid = sample(schema);
        List<Breakage> all = new ArrayList<>();
        breakFields(resolve(schema), "", valid, all);
        return all;
    }

    private void breakFields(JsonNode schema, String path, JsonNode valid, List<Breakage> into) {
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
             properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            String field = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            JsonNode fieldSchema = resolve(property.getValue());
            for (JsonNode wrong : wrongValues(fieldSchema, property.getKey())) {
                JsonNode body = valid.deepCopy();
                ((ObjectNode) at(body, path)).set(property.getKey(), wrong);
                into.add(new Breakage(field, body));
            }
            if (fieldSchema.has("properties")) {
                breakFields(fieldSchema, field, valid, into);
            }
            JsonNode items = resolve(fieldSchema.path("items"));
            if ("array".equals(fieldSchema.path("type").asText()) && items.has("properties")) {
                breakFields(items, field + "[0]", valid, into);
            }
        }
    }

    /** The node at a path such as {@code price} or {@code preferences[0]} of a sample body. */
    private static JsonNode at(JsonNode body, String path) {
        JsonNode node = body;
        for (String step : path.isEmpty() ? new String[0] : path.split("\\.")) {
            if (step.endsWith("[0]")) {
                node = node.path(step.substring(0, step.length() - 3)).path(0);
            } else {
                node = node.path(step);
            }
        }
        return node;
    }

    private static List<JsonNode> wrongValues(JsonNode schema, String name) {
        List<JsonNode> wrong = new ArrayList<>();
        String type = schema.path("type").asText();
        if (schema.has("enum")) {
            wrong.add(NODES.textNode("NO_SUCH_VALUE"));
        }
        switch (type) {
            case "string" -> {
                if ("uuid".equals(schema.path("format").asText())) {
                    wrong.add(NODES.textNode("not-a-uuid"));
                } else if ("date-time".equals(schema.path("format").asText())) {
                    wrong.add(NODES.textNode("not-a-date"));
                }
                wrong.add(NODES.objectNode().put("wrong", "type"));
                if ("currency".equals(name)) {
                    wrong.add(NODES.textNode("NOPE"));
                }
            }
            case "integer" -> {
                wrong.add(NODES.textNode("not-a-number"));
                wrong.add(NODES.numberNode(1.5));
                if ("amountMinor".equals(name)) {
                    wrong.add(NODES.numberNode(-1));
                    wrong.add(NODES.numberNode(RequestMoneyDeserializer.MAX_AMOUNT_MINOR + 1));
                }
            }
            case "number" -> wrong.add(NODES.textNode("not-a-number"));
            case "boolean" -> wrong.add(NODES.textNode("not-a-boolean"));
            case "array" -> wrong.add(NODES.textNode("not-an-array"));
            default -> wrong.add(NODES.textNode("not-an-object"));
        }
        return wrong;
    }

    /** A body of the right shape and types (values need not pass validation: binding comes first). */
    private JsonNode sample(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum")) {
            return resolved.path("enum").path(0).deepCopy();
        }
        if (resolved.has("properties")) {
            ObjectNode object = NODES.objectNode();
            resolved.path("properties").fields().forEachRemaining(property ->
                    object.set(property.getKey(), "currency".equals(property.getKey())
                            ? NODES.textNode("USD") : sample(property.getValue())));
            return object;
        }
        return switch (resolved.path("type").asText()) {
            case "string" -> switch (resolved.path("format").asText()) {
                case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                case "date-time" -> NODES.textNode("2030-01-01T00:00:00Z");
                default -> NODES.textNode("x");
            };
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(sample(resolved.path("items")));
                yield array;
            }
            default -> NODES.objectNode();
        };
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private Map<String, HandlerMethod> handlers() {
        Map<String, HandlerMethod> byOperation = new LinkedHashMap<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().forEach(pattern ->
                info.getMethodsCondition().getMethods().forEach(verb ->
                        byOperation.put(verb.name() + " " + pattern, method))));
        return byOperation;
    }

    /** The least role whose capabilities include what the handler requires; none for public endpoints. */
    private static String tokenFor(HandlerMethod handler, Map<Role, String> tokens) {
        if (handler == null || EndpointDeclarations.isPublic(handler)) {
            return null;
        }
        Optional<String> required = EndpointDeclarations.requiredCapability(handler);
        for (Role role : Role.values()) {
            if (required.isEmpty() || Capability.grants(role.capabilities(), required.get())) {
                return tokens.get(role);
            }
        }
        return tokens.get(Role.ADMIN);
    }

    private String register(String role) throws Exception {
        String body = JSON.writeValueAsString(Map.of("email", role + "-" + UUID.randomUUID() + "@walker.test",
                "password", PASSWORD, "displayName", "Walker " + role, "role", role));
        HttpResponse<String> response = send("POST", "/api/v1/auth/register", body, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("accessToken").asText();
    }

    private String login(String email, String password) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/auth/login",
                JSON.writeValueAsString(Map.of("email", email, "password", password)), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("accessToken").asText();
    }

    private HttpResponse<String> send(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
