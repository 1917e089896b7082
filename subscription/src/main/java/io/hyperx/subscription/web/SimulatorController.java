package io.hyperx.subscription.web;

import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.FindPaymentQuery;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentView;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.application.DueJobSweeper;
import io.hyperx.subscription.domain.SubscriptionProblem;
import io.hyperx.subscription.infra.SimulatedStripe;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Development endpoints that exist only in simulator mode (no Stripe key): skip ahead to a subscription's next
 * renewal, dunning retry or end of grace, and make the simulated Stripe report a refund or a dispute through the
 * signed webhook path. Admins only ({@code ops:simulate}, granted by {@code ops:*}).
 */
@RestController
@ConditionalOnExpression("'${hyperx.stripe.secret-key:}' == ''")
class SimulatorController {

    private static final Map<String, String> JOBS = Map.of("renew", "RENEW", "retry", "RETRY",
            "end-grace", "END_GRACE");

    private final DueJobSweeper sweeper;
    private final SimulatedStripe stripe;
    private final QueryGateway queries;

    SimulatorController(DueJobSweeper sweeper, SimulatedStripe stripe, QueryGateway queries) {
        this.sweeper = sweeper;
        this.stripe = stripe;
        this.queries = queries;
    }

    record RefundRequest(Long amountMinor) {
    }

    record DisputeRequest(String reason) {
    }

    /** {@code step}: {@code renew}, {@code retry} or {@code end-grace}. */
    @PostMapping("/api/v1/dev/simulator/subscriptions/{id}/{step}")
    @RequiresCapability("ops:simulate")
    Map<String, Integer> skipAhead(@PathVariable UUID id, @PathVariable String step) {
        String kind = JOBS.get(step.toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw SubscriptionProblem.notFound("unknown_step", "Steps are renew, retry and end-grace.");
        }
        if (!sweeper.bringForward(new SubscriptionId(id), kind)) {
            throw SubscriptionProblem.conflict("nothing_scheduled", "The subscription has no pending " + step + ".");
        }
        return Map.of("ran", sweeper.runDue(Instant.now()));
    }

    @PostMapping("/api/v1/dev/simulator/payments/{id}/refund")
    @RequiresCapability("ops:simulate")
    ResponseEntity<Void> refund(@PathVariable UUID id, @RequestBody RefundRequest request) {
        PaymentView payment = payment(id);
        long total = payment.refunded().amountMinor()
                + (request.amountMinor() == null ? payment.amount().amountMinor() - payment.refunded().amountMinor()
                : request.amountMinor());
        stripe.refund(new PaymentId(id), new Money(total, payment.amount().currency()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    @PostMapping("/api/v1/dev/simulator/payments/{id}/dispute")
    @RequiresCapability("ops:simulate")
    ResponseEntity<Void> dispute(@PathVariable UUID id, @RequestBody DisputeRequest request) {
        PaymentView payment = payment(id);
        stripe.dispute(new PaymentId(id), payment.amount(), request.reason() == null ? "fraudulent" : request.reason());
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    private PaymentView payment(UUID id) {
        PaymentView payment = queries.query(new FindPaymentQuery(id), ResponseTypes.instanceOf(PaymentView.class))
                .join();
        if (payment == null) {
            throw SubscriptionProblem.notFound("payment_not_found", "No such payment.");
        }
        return payment;
    }
}
