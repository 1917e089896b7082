package io.hyperx.subscription.infra;

import io.hyperx.kernel.Backoff;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Authentic Stripe events that named a payment (or subscription) not known yet: the webhook is acknowledged and the
 * event kept in {@code subscription.parked_webhook_event}, then applied again with backoff (seconds at first, at
 * most every 10 minutes) until what it names is known, which covers events that overtake our own transaction, or
 * expired once Stripe itself would have stopped retrying ({@code hyperx.stripe.parked-webhook-horizon}). Counted in
 * {@code hyperx.webhooks.stripe.parked{result=parked|applied|expired}}.
 */
@Component
public class ParkedWebhooks {

    private static final Logger log = LoggerFactory.getLogger(ParkedWebhooks.class);
    static final String METRIC = "hyperx.webhooks.stripe.parked";
    private static final int BATCH = 100;

    private final StripeEventQueue queue;
    private final ObjectProvider<StripeWebhookIntake> intake;
    private final MeterRegistry meters;
    private final Clock clock;

    ParkedWebhooks(JdbcTemplate jdbc, StripeSettings settings, ObjectProvider<StripeWebhookIntake> intake,
                   MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.queue = new StripeEventQueue(jdbc, "parked_webhook_event",
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), settings.parkedWebhookHorizon()), clock);
        this.intake = intake;
        this.meters = meters;
    }

    void park(String eventId, String eventType, String eventJson) {
        if (queue.add(eventId, eventType, null, eventJson, clock.instant().plusSeconds(1))) {
            count("parked");
        }
    }

    @Scheduled(fixedDelayString = "${hyperx.stripe.poll-interval:PT2S}",
            initialDelayString = "${hyperx.stripe.poll-interval:PT2S}")
    void poll() {
        try {
            retryDue();
        } catch (RuntimeException e) {
            log.warn("Parked Stripe webhooks not retried; the next poll tries again: {}", e.toString());
        }
    }

    /** Applies the parked events that are due again; answers how many were applied. */
    public int retryDue() {
        int applied = 0;
        for (StripeEventQueue.Claimed row : queue.claimDue(BATCH)) {
            StripeWebhookIntake.Outcome outcome;
            try {
                outcome = intake.getObject().retryParked(row.payload());
            } catch (RuntimeException e) {
                retryOrExpire(row, e.toString());
                continue;
            }
            if (outcome == StripeWebhookIntake.Outcome.PARKED) {
                retryOrExpire(row, "still names something not known");
            } else {
                queue.finish(row, "APPLIED", null);
                count("applied");
                applied++;
            }
        }
        return applied;
    }

    private void retryOrExpire(StripeEventQueue.Claimed row, String error) {
        if (!queue.retryLater(row, error)) {
            log.warn("Parked Stripe event {} ({}) expired after {} attempts: {}", row.eventId(), row.eventType(),
                    row.attempts(), error);
            queue.finish(row, "EXPIRED", error);
            count("expired");
        }
    }

    private void count(String result) {
        meters.counter(METRIC, "result", result).increment();
    }
}
