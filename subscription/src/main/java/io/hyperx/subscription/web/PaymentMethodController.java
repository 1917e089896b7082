package io.hyperx.subscription.web;

import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.subscription.application.PaymentMethods;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** A fan's saved payment methods (Stripe payment-method ids; card data never reaches HyperX). */
@RestController
class PaymentMethodController {

    private final PaymentMethods paymentMethods;

    PaymentMethodController(PaymentMethods paymentMethods) {
        this.paymentMethods = paymentMethods;
    }

    record AddRequest(String paymentMethodId) {
    }

    @GetMapping("/api/v1/fans/payment-methods")
    @RequiresCapability(Capability.PURCHASES_CREATE)
    Map<String, Object> list(@AuthenticationPrincipal AccountPrincipal principal) {
        return Lists.all(paymentMethods.of(principal.accountId().value()));
    }

    @PostMapping("/api/v1/fans/payment-methods")
    @RequiresCapability(Capability.PURCHASES_CREATE)
    ResponseEntity<PaymentMethods.PaymentMethod> add(@AuthenticationPrincipal AccountPrincipal principal,
                                                     @RequestBody AddRequest request) {
        PaymentMethods.PaymentMethod method = paymentMethods.add(principal.accountId().value(),
                request.paymentMethodId());
        return ResponseEntity.created(URI.create("/api/v1/fans/payment-methods/" + method.id())).body(method);
    }

    @PutMapping("/api/v1/fans/payment-methods/{id}/default")
    @RequiresCapability(Capability.PURCHASES_CREATE)
    PaymentMethods.PaymentMethod makeDefault(@AuthenticationPrincipal AccountPrincipal principal,
                                             @PathVariable UUID id) {
        return paymentMethods.makeDefault(principal.accountId().value(), id);
    }

    @DeleteMapping("/api/v1/fans/payment-methods/{id}")
    @RequiresCapability(Capability.PURCHASES_CREATE)
    ResponseEntity<Void> remove(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        paymentMethods.remove(principal.accountId().value(), id);
        return ResponseEntity.noContent().build();
    }
}
