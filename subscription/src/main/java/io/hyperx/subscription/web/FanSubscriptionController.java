package io.hyperx.subscription.web;

import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.kernel.Money;
import io.hyperx.platform.consistency.ReadsProjections;
import io.hyperx.subscription.api.ChangePaymentMethodCommand;
import io.hyperx.subscription.api.ChangeTierCommand;
import io.hyperx.subscription.api.FindSubscriptionQuery;
import io.hyperx.subscription.api.FindSubscriptionsQuery;
import io.hyperx.subscription.api.FindTierQuery;
import io.hyperx.subscription.api.PauseSubscriptionCommand;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.RequestCancellationCommand;
import io.hyperx.subscription.api.ResumeSubscriptionCommand;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.SubscriptionPage;
import io.hyperx.subscription.api.SubscriptionStatus;
import io.hyperx.subscription.api.SubscriptionView;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.api.TierView;
import io.hyperx.subscription.api.UnpauseSubscriptionCommand;
import io.hyperx.subscription.application.PaymentMethods;
import io.hyperx.subscription.application.SubscribeToTier;
import io.hyperx.subscription.domain.SubscriptionProblem;
import io.hyperx.subscription.infra.ProviderPayments;
import io.hyperx.subscription.query.SubscriptionViews;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A fan's own subscriptions: subscribe, list, change tier or card, cancel and resume, pause and unpause. */
@ReadsProjections(SubscriptionViews.GROUP)
@RestController
class FanSubscriptionController {

    private static final Duration INTENT_WAIT = Duration.ofSeconds(2);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final SubscribeToTier subscribeToTier;
    private final PaymentMethods paymentMethods;
    private final ProviderPayments providerPayments;

    FanSubscriptionController(CommandGateway commands, QueryGateway queries, SubscribeToTier subscribeToTier,
                              PaymentMethods paymentMethods,
                              ProviderPayments providerPayments) {
        this.providerPayments = providerPayments;
        this.commands = commands;
        this.queries = queries;
        this.subscribeToTier = subscribeToTier;
        this.paymentMethods = paymentMethods;
    }

    record SubscribeRequest(UUID tierId, String paymentMethodId) {
    }

    record ChangeRequest(UUID tierId, String paymentMethodId) {
    }

    /** What the client needs next: the subscription (pending) and its first payment, confirmed by the processor. */
    record Subscribed(UUID id, SubscriptionStatus status, UUID tierId, Money price, Payment payment) {
    }

    /** The first payment: its processor intent and the client secret the browser confirms it with, when ready. */
    record Payment(UUID id, String status, String providerPaymentId, String clientSecret) {
    }

    @PostMapping("/api/v1/fans/subscriptions")
    @RequiresCapability(Capability.SUBSCRIPTIONS_CREATE)
    ResponseEntity<Subscribed> subscribe(@AuthenticationPrincipal AccountPrincipal principal,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                         @RequestBody SubscribeRequest request) {
        if (request.tierId() == null) {
            throw SubscriptionProblem.unprocessable("tier_required", "tierId is required.");
        }
        UUID fan = principal.accountId().value();
        String method = request.paymentMethodId() != null ? request.paymentMethodId()
                : paymentMethods.defaultOf(fan).orElseThrow(() -> SubscriptionProblem.unprocessable(
                "payment_method_required", "No payment method given and no default payment method saved."));
        SubscribeToTier.Started started = subscribeToTier.subscribe(fan, new TierId(request.tierId()), method, key);
        SubscriptionId id = started.subscriptionId();
        TierView tier = started.tier();
        PaymentId payment = started.initialPaymentId();
        Subscribed body = new Subscribed(id.value(),
                tier.trialDays() > 0 ? SubscriptionStatus.TRIALING : SubscriptionStatus.PENDING, tier.id(),
                tier.price(), payment == null ? null : payment(payment));
        return ResponseEntity.created(URI.create("/api/v1/fans/subscriptions/" + id)).body(body);
    }

    @GetMapping("/api/v1/fans/subscriptions")
    @RequiresCapability(Capability.SUBSCRIPTIONS_CREATE)
    Map<String, Object> list(@AuthenticationPrincipal AccountPrincipal principal,
                             @RequestParam(required = false) SubscriptionStatus status,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        SubscriptionPage result = queries.query(new FindSubscriptionsQuery(principal.accountId().value(), null, null,
                status, page, size), ResponseTypes.instanceOf(SubscriptionPage.class)).join();
        return Lists.page(result.data(), result.pagination());
    }

    @GetMapping("/api/v1/fans/subscriptions/{id}")
    @RequiresCapability(Capability.SUBSCRIPTIONS_CREATE)
    SubscriptionView one(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        return own(principal, id);
    }

    /** Change tier (an upgrade now, prorated; a downgrade at period end) and/or the card future charges use. */
    @PutMapping("/api/v1/fans/subscriptions/{id}")
    @RequiresCapability(Capability.SUBSCRIPTIONS_CREATE)
    ResponseEntity<Void> change(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                @RequestBody ChangeRequest request) {
        SubscriptionView subscription = own(principal, id);
        if (request.paymentMethodId() != null) {
            commands.sendAndWait(new ChangePaymentMethodCommand(new SubscriptionId(id), request.paymentMethodId()));
        }
        if (request.tierId() != null) {
            TierView tier = queries.query(new FindTierQuery(request.tierId()),
                    ResponseTypes.instanceOf(TierView.class)).join();
            if (tier == null || !Objects.equals(tier.creatorId(), subscription.creatorId())) {
                throw SubscriptionProblem.unprocessable("tier_of_another_creator",
                        "The new tier must belong to the same creator.");
            }
            if (tier.archived()) {
                throw SubscriptionProblem.conflict("tier_archived", "The tier is archived.");
            }
            if (!tier.published()) {
                throw SubscriptionProblem.unprocessable("tier_not_published", "The tier is not published.");
            }
            commands.sendAndWait(new ChangeTierCommand(new SubscriptionId(id), new TierId(tier.id()), tier.price(),
                    tier.rank()));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    @PostMapping("/api/v1/fans/subscriptions/{id}/cancel")
    @RequiresCapability(Capability.SUBSCRIPTIONS_CREATE)
    ResponseEntity<Void> cancel(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        own(principal, id);
        commands.sendAndWait(new RequestCancellationCommand(new SubscriptionId(id)));
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    @PostMapping("/api/v1/fans/subscriptions/{id}/resume")
    @RequiresCapability(Capability.SUBSCRIPTIONS_CREATE)
    ResponseEntity<Void> resume(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        own(principal, id);
        commands.sendAndWait(new ResumeSubscriptionCommand(new SubscriptionId(id)));
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    @PostMapping("/api/v1/fans/subscriptions/{id}/pause")
    @RequiresCapability(Capability.SUBSCRIPTIONS_CREATE)
    ResponseEntity<Void> pause(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        own(principal, id);
        commands.sendAndWait(new PauseSubscriptionCommand(new SubscriptionId(id)));
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    @PostMapping("/api/v1/fans/subscriptions/{id}/unpause")
    @RequiresCapability(Capability.SUBSCRIPTIONS_CREATE)
    ResponseEntity<Void> unpause(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        own(principal, id);
        commands.sendAndWait(new UnpauseSubscriptionCommand(new SubscriptionId(id)));
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    /**
     * The payment is handed to the processor asynchronously, right after the subscription is stored; wait briefly
     * for its intent so the client can confirm at once (else it reads it later from {@code GET /fans/payments/{id}}).
     */
    private Payment payment(PaymentId payment) {
        long deadline = System.nanoTime() + INTENT_WAIT.toNanos();
        while (true) {
            var intent = providerPayments.intentOf(payment);
            if (intent.isPresent()) {
                return new Payment(payment.value(), "requires_confirmation", intent.get().providerPaymentId(),
                        intent.get().clientSecret());
            }
            if (System.nanoTime() > deadline) {
                return new Payment(payment.value(), "processing", null, null);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Payment(payment.value(), "processing", null, null);
            }
        }
    }

    private SubscriptionView own(AccountPrincipal principal, UUID id) {
        SubscriptionView view = queries.query(new FindSubscriptionQuery(id),
                ResponseTypes.instanceOf(SubscriptionView.class)).join();
        if (view == null || !view.fanId().equals(principal.accountId().value())) {
            throw SubscriptionProblem.notFound("subscription_not_found", "No such subscription.");
        }
        return view;
    }
}
