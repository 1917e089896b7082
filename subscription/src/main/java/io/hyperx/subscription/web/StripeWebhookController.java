package io.hyperx.subscription.web;

import io.hyperx.identity.api.PublicEndpoint;
import io.hyperx.subscription.infra.StripeWebhookIntake;
import io.hyperx.subscription.infra.StripeWebhookIntake.Outcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code POST /api/v1/webhooks/stripe}: public, authenticated by Stripe's signature only. Answers 200 for accepted,
 * duplicate, ignored and parked events (one naming something not known yet, applied once it is known), 400 for a
 * bad or stale signature or an unreadable event.
 */
@RestController
class StripeWebhookController {

    private final StripeWebhookIntake intake;

    StripeWebhookController(StripeWebhookIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/v1/webhooks/stripe", consumes = MediaType.ALL_VALUE)
    @PublicEndpoint
    ResponseEntity<?> receive(@RequestBody(required = false) String payload,
                              @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        Outcome outcome = intake.receive(payload, signature);
        return switch (outcome) {
            case ACCEPTED, DUPLICATE, IGNORED, PARKED -> ResponseEntity.ok(Map.of("received", true,
                    "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)));
            case INVALID_SIGNATURE -> problem(HttpStatus.BAD_REQUEST, "invalid_signature",
                    "The Stripe-Signature header does not verify (wrong secret, altered body or stale timestamp).");
            case MALFORMED -> problem(HttpStatus.BAD_REQUEST, "malformed_event", "The event could not be read.");
        };
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
