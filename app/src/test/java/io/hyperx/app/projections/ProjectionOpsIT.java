package io.hyperx.app.projections;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperx.app.FoundationTest;
import io.hyperx.kernel.Money;
import io.hyperxtest.probe.ProbeMessages.DepositToProbe;
import io.hyperxtest.probe.ProbeMessages.OpenProbe;
import io.hyperxtest.probe.ProbeProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The ops API over projections: status, rebuild jobs, and dead letters, for admins only. */
@FoundationTest
@Timeout(120)
class ProjectionOpsIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    CommandGateway commands;

    @Autowired
    ProbeProjection probe;

    private String adminToken;

    @BeforeEach
    void logInAsAdmin() {
        adminToken = login(FoundationTest.ADMIN_EMAIL, FoundationTest.ADMIN_PASSWORD);
    }

    @Test
    void onlyOpsCapabilityMaySeeProjections() {
        assertThat(exchange(HttpMethod.GET, "/api/v1/ops/projections", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange(HttpMethod.GET, "/api/v1/ops/projections", fanToken()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> response = exchange(HttpMethod.GET, "/api/v1/ops/projections", adminToken);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("data").findValuesAsText("name"))
                .contains(ProbeProjection.GROUP, "identity-accounts");
    }

    @Test
    void rebuildAnswers202AndTheJobCompletes() throws InterruptedException {
        ResponseEntity<JsonNode> started = exchange(HttpMethod.POST,
                "/api/v1/ops/projections/" + ProbeProjection.GROUP + "/rebuild", adminToken);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();
        JsonNode job = started.getBody();
        for (int attempt = 0; attempt < 300 && !job.path("state").asText().matches("completed|failed"); attempt++) {
            Thread.sleep(50);
            job = exchange(HttpMethod.GET, location, adminToken).getBody();
        }
        assertThat(job.path("state").asText()).isEqualTo("completed");
        assertThat(job.path("group").asText()).isEqualTo(ProbeProjection.GROUP);
    }

    @Test
    void unknownGroupIs404Problem() {
        ResponseEntity<JsonNode> response = exchange(HttpMethod.POST, "/api/v1/ops/projections/nope/rebuild",
                adminToken);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().path("code").asText()).isEqualTo("unknown_processing_group");
    }

    @Test
    void aFailedEventIsParkedAndARetryAfterTheFixHandlesIt() throws InterruptedException {
        String account = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenProbe(account));
        probe.failOnDepositsOf(1313);
        int before = probe.depositsSeen();
        try {
            commands.sendAndWait(new DepositToProbe(account, Money.of(1313, "USD")));
            JsonNode letter = awaitDeadLetter(account);
            assertThat(letter.path("causeMessage").asText()).contains("probe refuses deposits of 1313");

            probe.stopFailing();
            ResponseEntity<JsonNode> retried = exchange(HttpMethod.POST,
                    "/api/v1/ops/dead-letters/" + letter.path("id").asText() + "/retry", adminToken);

            assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(retried.getBody().path("processed").asBoolean()).isTrue();
            assertThat(probe.depositsSeen()).isEqualTo(before + 1);
            assertThat(deadLettersOf(account)).isEmpty();
        } finally {
            probe.stopFailing();
        }
    }

    @Test
    void aDeadLetterCanBeDeleted() throws InterruptedException {
        String account = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenProbe(account));
        probe.failOnDepositsOf(1717);
        try {
            commands.sendAndWait(new DepositToProbe(account, Money.of(1717, "USD")));
            JsonNode letter = awaitDeadLetter(account);

            ResponseEntity<JsonNode> deleted = exchange(HttpMethod.DELETE,
                    "/api/v1/ops/dead-letters/" + letter.path("id").asText(), adminToken);

            assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(deadLettersOf(account)).isEmpty();
        } finally {
            probe.stopFailing();
        }
    }

    private JsonNode awaitDeadLetter(String account) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            List<JsonNode> letters = deadLettersOf(account);
            if (!letters.isEmpty()) {
                return letters.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no dead letter for " + account);
    }

    private List<JsonNode> deadLettersOf(String account) {
        List<JsonNode> matching = new ArrayList<>();
        exchange(HttpMethod.GET, "/api/v1/ops/dead-letters", adminToken).getBody().path("data").forEach(letter -> {
            if (letter.path("sequenceIdentifier").asText().contains(account)) {
                matching.add(letter);
            }
        });
        return matching;
    }

    private String fanToken() {
        String email = "fan-" + UUID.randomUUID() + "@hyperx.test";
        ResponseEntity<JsonNode> registered = http.postForEntity("/api/v1/auth/register", json(Map.of(
                "email", email, "password", "a fan passphrase long enough", "displayName", "Fan",
                "role", "fan")), JsonNode.class);
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return registered.getBody().path("accessToken").asText();
    }

    private String login(String email, String password) {
        ResponseEntity<JsonNode> response = http.postForEntity("/api/v1/auth/login",
                json(Map.of("email", email, "password", password)), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody().path("accessToken").asText();
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, method, new HttpEntity<>(headers), JsonNode.class);
    }

    private static HttpEntity<Map<String, String>> json(Map<String, String> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
