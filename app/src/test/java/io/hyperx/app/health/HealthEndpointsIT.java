package io.hyperx.app.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperx.app.FoundationTest;
import io.hyperx.kernel.Money;
import io.hyperxtest.probe.ProbeMessages.DepositToProbe;
import io.hyperxtest.probe.ProbeMessages.OpenProbe;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@FoundationTest
class HealthEndpointsIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    @Test
    void livenessAnswersUp() {
        ResponseEntity<JsonNode> response = http.getForEntity("/health", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void readinessListsDatabaseMigrationsAndRunningProcessors() {
        ResponseEntity<JsonNode> response = http.getForEntity("/health/ready", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(response.getBody().path("components").findValuesAsText("name"))
                .contains("database", "migrations", "processor:test-probe");
        assertThat(response.getBody().path("components").findValues("up")).allMatch(JsonNode::asBoolean);
    }

    @Test
    void schemaChecksPassOnACleanDatabase() {
        ResponseEntity<JsonNode> response = http.getForEntity("/health/schema", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("checks").findValuesAsText("checkName"))
                .contains("eventstore_append_only", "eventstore_sequence_gaps", "projection_lag");
    }

    @Test
    void schemaCheckFailsWith503WhenTheAppendOnlyTriggerIsDisabled() {
        jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
        try {
            ResponseEntity<JsonNode> response = http.getForEntity("/health/schema", JsonNode.class);

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            JsonNode appendOnly = check(response.getBody(), "eventstore_append_only");
            assertThat(appendOnly.path("passing").asBoolean()).isFalse();
            assertThat(appendOnly.path("sampleIds").toString()).contains("domain_event_entry_append_only");
        } finally {
            jdbc.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
        }
        assertThat(http.getForEntity("/health/schema", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void projectionLagCheckFailsForAGroupBehindTheHead() {
        commands.sendAndWait(new OpenProbe(UUID.randomUUID().toString()));
        jdbc.update("""
                INSERT INTO token_entry (processor_name, segment, token, token_type)
                VALUES ('lagging-test', 0, convert_to('{"index":0,"gaps":[]}', 'UTF8'),
                        'org.axonframework.eventhandling.GapAwareTrackingToken')""");
        jdbc.update("UPDATE health.settings SET max_lag_events = 0");
        try {
            ResponseEntity<JsonNode> response = http.getForEntity("/health/schema", JsonNode.class);

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            JsonNode lag = check(response.getBody(), "projection_lag");
            assertThat(lag.path("passing").asBoolean()).isFalse();
            assertThat(lag.path("sampleIds").toString()).contains("lagging-test");
        } finally {
            jdbc.update("DELETE FROM token_entry WHERE processor_name = 'lagging-test'");
            jdbc.update("UPDATE health.settings SET max_lag_events = 10000");
        }
    }

    @Test
    void prometheusExposesAxonCommandAndProcessorMetrics() throws InterruptedException {
        String probe = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenProbe(probe));
        commands.sendAndWait(new DepositToProbe(probe, Money.of(1, "USD")));

        ResponseEntity<String> response = http.getForEntity("/actuator/prometheus", String.class);
        for (int attempt = 0; attempt < 100 && !response.getBody().contains("eventProcessor"); attempt++) {
            Thread.sleep(100);
            response = http.getForEntity("/actuator/prometheus", String.class);
        }

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("commandBus", "eventProcessor", "test-probe");
    }

    @Test
    void prometheusExposesInvariantViolationsAndProjectionLagGauges() throws InterruptedException {
        String scrape = "";
        for (int attempt = 0; attempt < 100 && !scrape.contains("hyperx_projection_lag_events"); attempt++) {
            Thread.sleep(100);
            scrape = http.getForObject("/actuator/prometheus", String.class);
        }

        assertThat(scrape).containsPattern("hyperx_invariant_violations\\{[^}]*check=\"eventstore_append_only\"[^}]*} 0");
        assertThat(scrape).containsPattern("hyperx_projection_lag_events\\{[^}]*group=\"test-probe\"");
    }

    @Test
    void prometheusExposesCreatorEarningsFromTheWallets() throws InterruptedException {
        UUID creator = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO economy.wallet (creator_id, currency, lifetime_gross_minor, lifetime_net_minor, updated_at)
                VALUES (?, 'JPY', 123456, 111111, now())""", creator);
        try {
            String scrape = "";
            for (int attempt = 0; attempt < 100 && !scrape.contains("currency=\"JPY\""); attempt++) {
                Thread.sleep(100);
                scrape = http.getForObject("/actuator/prometheus", String.class);
            }

            assertThat(scrape).containsPattern(
                    "hyperx_creator_earnings_minor\\{[^}]*currency=\"JPY\"[^}]*kind=\"gross\"[^}]*} 123456");
            assertThat(scrape).containsPattern(
                    "hyperx_creator_earnings_minor\\{[^}]*currency=\"JPY\"[^}]*kind=\"net\"[^}]*} 111111");
        } finally {
            jdbc.update("DELETE FROM economy.wallet WHERE creator_id = ?", creator);
        }
    }

    private static JsonNode check(JsonNode body, String name) {
        for (JsonNode check : body.path("checks")) {
            if (check.path("checkName").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + body);
    }
}
