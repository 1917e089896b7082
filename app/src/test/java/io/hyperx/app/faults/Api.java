package io.hyperx.app.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The few HyperX endpoints the suite calls, over plain HTTP; a request that gets no answer reports status -1. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "fault suite password 0123";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String baseUrl;

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An answer: status (-1 none) and body. */
    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** A registered account and its access token. */
    record Session(UUID id, String token) {
    }

    Session register(String role) {
        Answer answer = post("/api/v1/auth/register", Map.of("email", role + "-" + UUID.randomUUID() + "@faults.test",
                "password", PASSWORD, "displayName", "Fault " + role, "role", role), null, null);
        if (answer.status() != 201) {
            throw new IllegalStateException("registering a " + role + " answered " + answer);
        }
        return new Session(UUID.fromString(answer.json().path("id").asText()),
                answer.json().path("accessToken").asText());
    }

    Session login(String email, String password) {
        Answer answer = post("/api/v1/auth/login", Map.of("email", email, "password", password), null, null);
        if (answer.status() != 200) {
            throw new IllegalStateException("login answered " + answer);
        }
        return new Session(UUID.fromString(answer.json().path("account").path("id").asText()),
                answer.json().path("accessToken").asText());
    }

    Answer tip(Session fan, String idempotencyKey, UUID creator, long amountMinor) {
        return post("/api/v1/fans/tips", Map.of("creatorId", creator, "amount", Map.of("amountMinor", amountMinor,
                        "currency", "USD"), "message", idempotencyKey, "paymentMethodId", "pm_card_visa"), fan,
                idempotencyKey);
    }

    Answer post(String path, Object body, Session session, String idempotencyKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (session != null) {
                request.header("Authorization", "Bearer " + session.token());
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            return send(request.build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a raw body with the given headers (a webhook delivery). */
    Answer postRaw(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .headers(headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }
}
