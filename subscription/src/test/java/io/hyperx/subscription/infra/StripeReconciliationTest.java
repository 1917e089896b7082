package io.hyperx.subscription.infra;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.model.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The reconciliation asks Stripe (WireMock) for undelivered events of the last 30 days and feeds every page in. */
class StripeReconciliationTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    WireMockServer stripe;

    @BeforeEach
    void setUp() {
        stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
    }

    @AfterEach
    void tearDown() {
        stripe.stop();
    }

    @Test
    void everyUndeliveredEventOfTheWindowGoesThroughTheIntake() {
        long since = NOW.minusSeconds(30L * 86400).getEpochSecond();
        stripe.stubFor(get(urlPathEqualTo("/v1/events"))
                .withQueryParam("delivery_success", equalTo("false"))
                .withQueryParam("created[gte]", equalTo(Long.toString(since)))
                .withQueryParam("starting_after", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(page(true, "evt_1", "evt_2")));
        stripe.stubFor(get(urlPathEqualTo("/v1/events"))
                .withQueryParam("starting_after", equalTo("evt_2"))
                .willReturn(page(false, "evt_3")));
        List<String> fed = new ArrayList<>();
        StripeReconciliation reconciliation = new StripeReconciliation(StripePaymentGateway.client(
                new StripeSettings("sk_test_hyperx", null, stripe.baseUrl(), null, 0, null, null, null, null)),
                (Event event) -> {
                    fed.add(event.getId());
                    return event.getId().equals("evt_2") ? StripeWebhookIntake.Outcome.DUPLICATE
                            : StripeWebhookIntake.Outcome.ACCEPTED;
                }, Clock.fixed(NOW, ZoneOffset.UTC));

        Map<StripeWebhookIntake.Outcome, Integer> outcomes = reconciliation.reconcile();

        assertThat(fed).containsExactly("evt_1", "evt_2", "evt_3");
        assertThat(outcomes).containsEntry(StripeWebhookIntake.Outcome.ACCEPTED, 2)
                .containsEntry(StripeWebhookIntake.Outcome.DUPLICATE, 1);
        stripe.verify(getRequestedFor(urlPathEqualTo("/v1/events"))
                .withHeader("Authorization", equalTo("Bearer sk_test_hyperx")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(boolean hasMore,
                                                                                          String... ids) {
        StringBuilder data = new StringBuilder();
        for (String id : ids) {
            if (!data.isEmpty()) {
                data.append(',');
            }
            data.append("""
                    {"id": "%s", "object": "event", "type": "payment_intent.succeeded", "created": 1795000000,
                     "data": {"object": {"id": "pi_x", "object": "payment_intent", "status": "succeeded"}}}"""
                    .formatted(id));
        }
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"object": "list", "url": "/v1/events", "has_more": %s, "data": [%s]}""".formatted(hasMore, data));
    }
}
