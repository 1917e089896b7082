package io.hyperx.subscription.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.subscription.api.FindPaymentQuery;
import io.hyperx.subscription.api.FindPaymentsQuery;
import io.hyperx.subscription.api.FindSubscriptionQuery;
import io.hyperx.subscription.api.FindSubscriptionsQuery;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPage;
import io.hyperx.subscription.api.PaymentStatus;
import io.hyperx.subscription.api.PaymentView;
import io.hyperx.subscription.api.SubscriptionPage;
import io.hyperx.subscription.api.SubscriptionStatus;
import io.hyperx.subscription.api.SubscriptionView;
import io.hyperx.subscription.domain.SubscriptionProblem;
import io.hyperx.subscription.infra.ProviderPayments;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** A creator's subscribers and payments received, and a fan's payment history. */
@RestController
class CreatorSubscriberController {

    private final QueryGateway queries;
    private final ProviderPayments providerPayments;

    CreatorSubscriberController(QueryGateway queries, ProviderPayments providerPayments) {
        this.queries = queries;
        this.providerPayments = providerPayments;
    }

    @GetMapping("/api/v1/creators/subscribers")
    @RequiresCapability(Capability.ANALYTICS_VIEW)
    Map<String, Object> subscribers(@AuthenticationPrincipal AccountPrincipal principal,
                                    @RequestParam(required = false) UUID tierId,
                                    @RequestParam(required = false) SubscriptionStatus status,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        SubscriptionPage result = queries.query(new FindSubscriptionsQuery(null, principal.accountId().value(),
                tierId, status, page, size), ResponseTypes.instanceOf(SubscriptionPage.class)).join();
        return Lists.page(result.data(), result.pagination());
    }

    @GetMapping("/api/v1/creators/subscribers/{id}")
    @RequiresCapability(Capability.ANALYTICS_VIEW)
    SubscriptionView subscriber(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        SubscriptionView view = queries.query(new FindSubscriptionQuery(id),
                ResponseTypes.instanceOf(SubscriptionView.class)).join();
        if (view == null || !view.creatorId().equals(principal.accountId().value())) {
            throw SubscriptionProblem.notFound("subscription_not_found", "No such subscriber.");
        }
        return view;
    }

    @GetMapping("/api/v1/creators/payments")
    @RequiresCapability(Capability.ANALYTICS_VIEW)
    Map<String, Object> creatorPayments(@AuthenticationPrincipal AccountPrincipal principal,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size) {
        PaymentPage result = queries.query(new FindPaymentsQuery(null, principal.accountId().value(), page, size),
                ResponseTypes.instanceOf(PaymentPage.class)).join();
        return Lists.page(result.data(), result.pagination());
    }

    /** One of the fan's own payments, with the client secret to confirm it while it awaits confirmation. */
    record PaymentDetail(@JsonUnwrapped PaymentView payment, String providerPaymentId, String clientSecret) {
    }

    @GetMapping("/api/v1/fans/payments/{id}")
    @RequiresCapability(Capability.ACCOUNT_SELF)
    PaymentDetail fanPayment(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        PaymentView payment = queries.query(new FindPaymentQuery(id), ResponseTypes.instanceOf(PaymentView.class))
                .join();
        if (payment == null || !payment.payerId().equals(principal.accountId().value())) {
            throw SubscriptionProblem.notFound("payment_not_found", "No such payment.");
        }
        var intent = providerPayments.intentOf(new PaymentId(id));
        boolean open = payment.status() == PaymentStatus.INITIATED;
        return new PaymentDetail(payment, intent.map(ProviderPayments.Intent::providerPaymentId).orElse(null),
                open ? intent.map(ProviderPayments.Intent::clientSecret).orElse(null) : null);
    }

    @GetMapping("/api/v1/fans/payments")
    @RequiresCapability(Capability.ACCOUNT_SELF)
    Map<String, Object> fanPayments(@AuthenticationPrincipal AccountPrincipal principal,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        PaymentPage result = queries.query(new FindPaymentsQuery(principal.accountId().value(), null, page, size),
                ResponseTypes.instanceOf(PaymentPage.class)).join();
        return Lists.page(result.data(), result.pagination());
    }
}
