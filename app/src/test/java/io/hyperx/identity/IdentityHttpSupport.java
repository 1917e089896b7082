package io.hyperx.identity;

import io.hyperx.app.SharedAppContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Spring context for all identity HTTP tests (same annotations: Spring caches it). Requests go through a real
 * HTTP client; each simulated client sends its own {@code X-Forwarded-For} address (trusted from localhost with
 * {@code server.forward-headers-strategy=native}), so per-IP rate limits apply per test client.
 */
@SharedAppContext
public abstract class IdentityHttpSupport {

    static final String ADMIN_EMAIL = "admin@hyperx.test";
    static final String ADMIN_PASSWORD = "Admin-Passw0rd-For-Tests";
    static final String PASSWORD = "correct horse battery staple";

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** A client address of its own, so per-IP limits do not leak between tests. */
    static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    Response send(String method, String path, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                            : JSON.writeValueAsString(body)));
            boolean forwarded = false;
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
                forwarded |= headers[i].equalsIgnoreCase("X-Forwarded-For");
            }
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (!forwarded) {
                request.header("X-Forwarded-For", randomIp());
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode json = !isJson || response.body() == null || response.body().isBlank() ? JSON.missingNode()
                    : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers(), json, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    static String[] bearer(String accessToken) {
        return new String[]{"Authorization", "Bearer " + accessToken};
    }

    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** Registers a fresh account and answers its session. */
    Session register(String role) {
        String email = uniqueEmail(role);
        Response response = post("/api/v1/auth/register",
                body("email", email, "password", PASSWORD, "displayName", "Test " + role, "role", role));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return new Session(email, UUID.fromString(response.json().path("id").asText()),
                response.json().path("accessToken").asText(), response.json().path("refreshToken").asText());
    }

    Session login(String email, String password) {
        Response response = post("/api/v1/auth/login", body("email", email, "password", password));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return new Session(email, UUID.fromString(response.json().path("account").path("id").asText()),
                response.json().path("accessToken").asText(), response.json().path("refreshToken").asText());
    }

    Session admin() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    record Session(String email, UUID id, String accessToken, String refreshToken) {
        String[] auth() {
            return bearer(accessToken);
        }
    }

    record Response(int status, HttpHeaders headers, JsonNode json, String raw) {
        String code() {
            return json.path("code").asText();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
