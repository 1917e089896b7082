package io.hyperx.subscription.infra;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.net.RequestOptions;
import com.stripe.param.EventListParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Stripe delivers at least once, but sometimes gives up. The reconciliation lists the events whose delivery failed
 * in the last 30 days ({@code GET /v1/events?delivery_success=false}) and feeds each through the same idempotent
 * path as a webhook, so an event already handled changes nothing.
 */
public class StripeReconciliation {

    private static final Logger log = LoggerFactory.getLogger(StripeReconciliation.class);
    static final Duration WINDOW = Duration.ofDays(30);

    private final StripeClient stripe;
    private final Function<Event, StripeWebhookIntake.Outcome> intake;
    private final Clock clock;

    public StripeReconciliation(StripeClient stripe, Function<Event, StripeWebhookIntake.Outcome> intake,
                                Clock clock) {
        this.stripe = stripe;
        this.intake = intake;
        this.clock = clock;
    }

    /** Feeds every undelivered event of the window through the intake; answers how many ended in each outcome. */
    public Map<StripeWebhookIntake.Outcome, Integer> reconcile() {
        long since = clock.instant().minus(WINDOW).getEpochSecond();
        Map<StripeWebhookIntake.Outcome, Integer> outcomes = new EnumMap<>(StripeWebhookIntake.Outcome.class);
        try {
            EventListParams params = EventListParams.builder()
                    .setDeliverySuccess(false)
                    .setCreated(EventListParams.Created.builder().setGte(since).build())
                    .setLimit(100L)
                    .build();
            RequestOptions options = RequestOptions.builder()
                    .setIdempotencyKey("reconcile-" + clock.instant().getEpochSecond()).build();
            for (Event event : stripe.v1().events().list(params, options).autoPagingIterable()) {
                outcomes.merge(intake.apply(event), 1, Integer::sum);
            }
        } catch (StripeException e) {
            log.warn("Stripe reconciliation stopped: {}", e.getMessage());
        }
        log.info("Stripe reconciliation: {}", outcomes);
        return outcomes;
    }
}
