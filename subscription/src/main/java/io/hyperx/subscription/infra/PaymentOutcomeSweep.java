package io.hyperx.subscription.infra;

import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.application.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * For payments whose outcome never arrived (a webhook lost for good, a crash between the charge and its delivery):
 * every minute, each payment still initiated {@code hyperx.stripe.outcome-timeout} after it began, for up to
 * Stripe's 30 days of events, is asked about at the processor ({@link PaymentGateway#outcomeOf}) and what it says
 * goes through the webhook intake: the same commands, the same de-duplication by event id, so an outcome already
 * applied changes nothing.
 */
@Component
public class PaymentOutcomeSweep {

    private static final Logger log = LoggerFactory.getLogger(PaymentOutcomeSweep.class);
    static final Duration WINDOW = Duration.ofDays(30);
    private static final int BATCH = 200;

    private final PaymentGateway gateway;
    private final StripeWebhookIntake intake;
    private final JdbcTemplate jdbc;
    private final StripeSettings settings;
    private final Clock clock;

    PaymentOutcomeSweep(PaymentGateway gateway, StripeWebhookIntake intake, JdbcTemplate jdbc,
                        StripeSettings settings, Clock clock) {
        this.gateway = gateway;
        this.intake = intake;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** The health check {@code subscription_payment_outcome_overdue} uses the sweep's timeout. */
    @EventListener(ApplicationReadyEvent.class)
    void writeHealthThreshold() {
        jdbc.update("UPDATE subscription.health_settings SET outcome_timeout_seconds = ?",
                Math.max(1, settings.outcomeTimeout().toSeconds()));
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void sweep() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Payment outcome sweep failed; the next one tries again: {}", e.toString());
        }
    }

    /** Asks about every overdue payment (up to a batch) and applies the answers; counts the intake's outcomes. */
    public Map<StripeWebhookIntake.Outcome, Integer> run() {
        var now = clock.instant();
        List<UUID> overdue = jdbc.queryForList("""
                        SELECT id FROM subscription.payment_view
                        WHERE status = 'INITIATED' AND initiated_at < ? AND initiated_at > ?
                        ORDER BY initiated_at LIMIT ?""", UUID.class,
                Timestamp.from(now.minus(settings.outcomeTimeout())), Timestamp.from(now.minus(WINDOW)), BATCH);
        Map<StripeWebhookIntake.Outcome, Integer> outcomes = new EnumMap<>(StripeWebhookIntake.Outcome.class);
        for (UUID id : overdue) {
            try {
                gateway.outcomeOf(new PaymentId(id)).map(intake::handleReported)
                        .ifPresent(outcome -> outcomes.merge(outcome, 1, Integer::sum));
            } catch (PaymentGateway.GatewayUnavailableException e) {
                log.warn("Payment outcome sweep stopped, the processor is unavailable: {}", e.getMessage());
                break;
            }
        }
        if (!overdue.isEmpty()) {
            log.info("Payment outcome sweep: {} payments without an outcome asked about: {}", overdue.size(),
                    outcomes);
        }
        return outcomes;
    }
}
