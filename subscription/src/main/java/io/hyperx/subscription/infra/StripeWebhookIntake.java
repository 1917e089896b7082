package io.hyperx.subscription.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.RecordPaymentFailedCommand;
import io.hyperx.subscription.api.RecordPaymentSucceededCommand;
import io.hyperx.subscription.application.ConcurrentWrites;
import io.hyperx.subscription.application.PaymentGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stripe webhooks in: the signature is checked by stripe-java ({@code Webhook.constructEvent}, 300 s tolerance)
 * before anything is read; then, in one transaction, the event id is recorded (unique) and the event's commands are
 * sent, so an event has its effect exactly once however often and however concurrently it is delivered: a
 * concurrent duplicate waits on the unique key and then finds the id taken. An event naming a payment not known
 * yet is acknowledged and parked ({@link ParkedWebhooks}) rather than refused, so Stripe never disables the endpoint
 * over events we cannot use yet.
 */
@Component
public class StripeWebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookIntake.class);
    static final String METRIC = "hyperx.webhooks.stripe";
    private static final int MAX_ATTEMPTS = 3;

    /** What became of a delivery. */
    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        IGNORED,
        INVALID_SIGNATURE,
        MALFORMED,
        /** Names a payment (or subscription) not known yet: kept and applied once it is known, see ParkedWebhooks. */
        PARKED
    }

    private final WebhookSecret secret;
    private final StripeSettings settings;
    private final StripeEventTranslator translator;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final ParkedWebhooks parked;
    private final ObjectMapper json = new ObjectMapper();

    StripeWebhookIntake(WebhookSecret secret, StripeSettings settings, StripeEventTranslator translator,
                        CommandGateway commands, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                        MeterRegistry meters, ParkedWebhooks parked) {
        this.secret = secret;
        this.settings = settings;
        this.translator = translator;
        this.commands = commands;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.meters = meters;
        this.parked = parked;
    }

    public Outcome receive(String payload, String signatureHeader) {
        return count(process(payload, signatureHeader));
    }

    private Outcome process(String payload, String signatureHeader) {
        Event event;
        try {
            if (signatureHeader == null || payload == null) {
                throw new SignatureVerificationException("No signature", signatureHeader);
            }
            event = Webhook.constructEvent(payload, signatureHeader, secret.value(),
                    settings.webhookTolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            log.warn("Rejected a Stripe webhook: {}", e.getMessage());
            return Outcome.INVALID_SIGNATURE;
        } catch (RuntimeException e) { // signed, but not an event
            log.warn("Rejected a signed but unreadable Stripe webhook: {}", e.toString());
            return Outcome.MALFORMED;
        }
        return handle(event);
    }

    /**
     * Handles an authentic event: one that passed signature verification, or one fetched from Stripe's API by the
     * reconciliation. The same de-duplication applies to both.
     */
    public Outcome handleVerified(Event event) {
        return count(handle(event));
    }

    /** Handles an outcome the processor reported when asked ({@link PaymentGateway#outcomeOf}). */
    Outcome handleReported(PaymentGateway.ReportedOutcome reported) {
        return count(handleStored(reported.eventJson(), false));
    }

    /** Handles an event the simulator kept in its outbox, as the endpoint would (ops' reconciliation). */
    Outcome handleSimulated(String eventJson) {
        return count(handleStored(eventJson, true));
    }

    /**
     * Applies a parked event again; {@link Outcome#PARKED} when what it names is still not known. Not counted: it
     * was counted when it arrived.
     */
    Outcome retryParked(String eventJson) {
        return handleStored(eventJson, false);
    }

    private Outcome handle(Event event) {
        if (event.getId() == null || !translator.handles(event.getType())) {
            return Outcome.IGNORED;
        }
        try {
            return handle(new Received(event.getId(), event.getType(),
                    event.getCreated() == null ? 0 : event.getCreated(),
                    json.readTree(event.getDataObjectDeserializer().getRawJson())), true);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            log.warn("Stripe event {} could not be read: {}", event.getId(), e.toString());
            return Outcome.MALFORMED;
        }
    }

    private Outcome handleStored(String eventJson, boolean parkIfUnknown) {
        try {
            JsonNode event = json.readTree(eventJson);
            return handle(new Received(event.path("id").asText(null), event.path("type").asText(null),
                    event.path("created").asLong(0), event.path("data").path("object")), parkIfUnknown);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            log.warn("A stored Stripe event could not be read: {}", e.toString());
            return Outcome.MALFORMED;
        }
    }

    /** The parts of a Stripe event the intake reads. */
    private record Received(String id, String type, long created, JsonNode object) {

        /** As Stripe's JSON, for parking. */
        String json() {
            ObjectNode event = JsonNodeFactory.instance.objectNode().put("id", id).put("object", "event")
                    .put("type", type).put("created", created);
            event.putObject("data").set("object", object);
            return event.toString();
        }
    }

    private Outcome handle(Received event, boolean parkIfUnknown) {
        if (event.id() == null || !translator.handles(event.type())) {
            return Outcome.IGNORED;
        }
        Instant occurredAt = Instant.ofEpochSecond(event.created());
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return recordAndSend(event, occurredAt);
                } catch (RuntimeException e) {
                    // another delivery (or the simulator) changed the same aggregate at the same moment: retry
                    if (attempt == MAX_ATTEMPTS || !ConcurrentWrites.isConcurrentWrite(e)) {
                        throw e;
                    }
                }
            }
        } catch (StripeEventTranslator.UnmatchedWebhookException | AggregateNotFoundException e) {
            if (parkIfUnknown) {
                log.info("Stripe event {} names something not known yet; parked: {}", event.id(), e.getMessage());
                parked.park(event.id(), event.type(), event.json());
            }
            return Outcome.PARKED;
        } catch (IllegalArgumentException e) {
            log.warn("Stripe event {} could not be read: {}", event.id(), e.toString());
            return Outcome.MALFORMED;
        }
    }

    private Outcome recordAndSend(Received event, Instant occurredAt) {
        return transactions.execute(status -> {
            List<Object> toSend = translator.commands(event.type(), event.object(), occurredAt);
            int recorded = jdbc.update("""
                    INSERT INTO subscription.processed_webhook_event (provider_event_id, event_type, payment_id)
                    VALUES (?, ?, ?) ON CONFLICT (provider_event_id) DO NOTHING""", event.id(), event.type(),
                    settledPayment(toSend).map(PaymentId::value).orElse(null));
            if (recorded == 0) {
                return Outcome.DUPLICATE;
            }
            toSend.forEach(commands::sendAndWait);
            return Outcome.ACCEPTED;
        });
    }

    /** The payment a success or failure report settles: the health check expects its event to follow. */
    private static Optional<PaymentId> settledPayment(List<Object> commands) {
        return commands.stream()
                .map(command -> command instanceof RecordPaymentSucceededCommand succeeded ? succeeded.paymentId()
                        : command instanceof RecordPaymentFailedCommand failed ? failed.paymentId() : null)
                .filter(Objects::nonNull)
                .findFirst();
    }

    private Outcome count(Outcome outcome) {
        meters.counter(METRIC, "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
        return outcome;
    }
}
