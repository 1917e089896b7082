package io.hyperx.app.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A small HTTP client for the content tests: accounts, tiers, subscriptions and posts through the public API. */
final class ContentHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    ContentHttp(int port) {
        this.port = port;
    }

    record Response(int status, java.net.http.HttpHeaders headers, JsonNode json) {
        String code() {
            return json.path("code").asText();
        }
    }

    record Account(UUID id, String token) {
    }

    Account register(String role) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Response registered = send("POST", "/api/v1/auth/register", null, Map.of("email", email,
                "password", "correct horse battery staple", "displayName", "Test " + role, "role", role));
        assertThat(registered.status()).as(registered.json().toString()).isEqualTo(201);
        return new Account(UUID.fromString(registered.json().path("id").asText()),
                registered.json().path("accessToken").asText());
    }

    UUID publishedTier(Account creator, long price, int rank) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Tier " + rank);
        body.put("description", "rank " + rank);
        body.put("price", Map.of("amountMinor", price, "currency", "USD"));
        body.put("interval", "MONTHLY");
        body.put("benefits", List.of("posts"));
        body.put("rank", rank);
        body.put("published", true);
        Response created = send("POST", "/api/v1/creators/tiers", creator, body);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asText();
        await("tier " + id + " for sale", () -> get("/api/v1/public/creators/" + creator.id() + "/tiers", null),
                r -> r.json().path("data").findValuesAsText("id").contains(id));
        return UUID.fromString(id);
    }

    /** Subscribes with a card that succeeds and waits until the subscription is active. */
    UUID activeSubscription(Account fan, UUID tier) {
        Response subscribed = send("POST", "/api/v1/fans/subscriptions", fan,
                Map.of("tierId", tier.toString(), "paymentMethodId", "pm_card_visa"));
        assertThat(subscribed.status()).as(subscribed.json().toString()).isEqualTo(201);
        String id = subscribed.json().path("id").asText();
        await("subscription active", () -> send("GET", "/api/v1/fans/subscriptions/" + id, fan, null),
                r -> r.json().path("status").asText().equals("ACTIVE"));
        return UUID.fromString(id);
    }

    UUID post(Account creator, String title, String body, Map<String, Object> visibility) {
        Response created = send("POST", "/api/v1/creators/posts", creator,
                Map.of("title", title, "body", body, "visibility", visibility, "publish", true));
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().path("id").asText());
        await("post " + title + " published", () -> send("GET", "/api/v1/posts/" + id, null, null),
                r -> r.status() == 200);
        return id;
    }

    static Map<String, Object> usd(long minor) {
        return Map.of("amountMinor", minor, "currency", "USD");
    }

    Response get(String path, Account account, String... headers) {
        return send("GET", path, account, null, headers);
    }

    Response send(String method, String path, Account account, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("X-Forwarded-For", randomIp());
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (account != null) {
                request.header("Authorization", "Bearer " + account.token());
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isBlank() ? JSON.missingNode()
                    : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart upload of {@code bytes} as field {@code file}. */
    Response upload(Account account, String purpose, String fileName, byte[] bytes) {
        try {
            String boundary = "----hyperx" + UUID.randomUUID();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(bytes);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/creators/files?purpose=" + purpose))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Authorization", "Bearer " + account.token())
                    .header("X-Forwarded-For", randomIp())
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isBlank() ? JSON.missingNode()
                    : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** GETs raw bytes. */
    HttpResponse<byte[]> bytes(String path, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-Forwarded-For", randomIp());
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


    private static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
