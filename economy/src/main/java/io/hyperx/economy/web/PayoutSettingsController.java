package io.hyperx.economy.web;

import io.hyperx.economy.api.ChangePayoutSettingsCommand;
import io.hyperx.economy.api.FindPayoutSettingsQuery;
import io.hyperx.economy.api.PayoutDestinationKind;
import io.hyperx.economy.api.PayoutDestinationView;
import io.hyperx.economy.api.PayoutSettingsView;
import io.hyperx.economy.api.WalletId;
import io.hyperx.economy.application.PayoutDestinations;
import io.hyperx.economy.application.PayoutProvider;
import io.hyperx.economy.domain.EconomyProblem;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.kernel.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The calling creator's payout destinations and auto-payout settings. */
@RestController
@RequestMapping("/api/v1/creators/payouts")
class PayoutSettingsController {

    private final PayoutDestinations destinations;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;

    PayoutSettingsController(PayoutDestinations destinations, CommandGateway commands, QueryGateway queries,
                             Clock clock) {
        this.destinations = destinations;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping("/destinations")
    @RequiresCapability(Capability.PAYOUTS_REQUEST)
    ResponseEntity<DestinationCreated> register(@AuthenticationPrincipal AccountPrincipal principal,
                                                @Valid @RequestBody DestinationRequest request) {
        PayoutDestinationKind kind;
        try {
            kind = PayoutDestinationKind.valueOf(request.type().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw EconomyProblem.unprocessable("invalid_destination_type",
                    "type must be bank_account or stripe_connect.");
        }
        PayoutProvider.Onboarding onboarding = request.returnUrl() == null || request.refreshUrl() == null ? null
                : new PayoutProvider.Onboarding(request.returnUrl(), request.refreshUrl());
        PayoutDestinations.Registration registration = destinations.register(principal.accountId().value(), kind,
                request.token(), onboarding);
        PayoutDestinationView destination = registration.destination();
        return ResponseEntity.created(URI.create("/api/v1/creators/payouts/destinations/" + destination.id()))
                .body(new DestinationCreated(destination.id(), destination.kind(), destination.last4(),
                        destination.createdAt(), registration.onboardingUrl()));
    }

    @GetMapping("/destinations")
    @RequiresCapability(Capability.PAYOUTS_REQUEST)
    Map<String, List<PayoutDestinationView>> list(@AuthenticationPrincipal AccountPrincipal principal) {
        return Map.of("data", destinations.list(principal.accountId().value()));
    }

    @DeleteMapping("/destinations/{id}")
    @RequiresCapability(Capability.PAYOUTS_REQUEST)
    ResponseEntity<Void> remove(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        destinations.remove(principal.accountId().value(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/settings")
    @RequiresCapability(Capability.PAYOUTS_REQUEST)
    PayoutSettingsView settings(@AuthenticationPrincipal AccountPrincipal principal) {
        return queries.query(new FindPayoutSettingsQuery(principal.accountId().value()),
                ResponseTypes.instanceOf(PayoutSettingsView.class)).join();
    }

    @PutMapping("/settings")
    @RequiresCapability(Capability.PAYOUTS_REQUEST)
    PayoutSettingsView changeSettings(@AuthenticationPrincipal AccountPrincipal principal,
                                      @Valid @RequestBody SettingsRequest request) {
        commands.sendAndWait(new ChangePayoutSettingsCommand(WalletId.of(principal.accountId().value()),
                request.dailyAutoPayout(), request.minimum(), clock.instant()));
        return new PayoutSettingsView(request.dailyAutoPayout(), request.minimum());
    }

    @ExceptionHandler(PayoutProvider.Unavailable.class)
    ResponseEntity<ProblemDetail> unavailable(PayoutProvider.Unavailable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The payout provider is unavailable; try again later.");
        problem.setProperty("code", "payout_provider_unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }

    /**
     * {@code type} bank_account (with the provider's bank account {@code token}) or stripe_connect (with
     * {@code returnUrl} and {@code refreshUrl} for the provider's onboarding, when wanted).
     */
    record DestinationRequest(@NotBlank String type, @Size(max = 255) String token,
                              @Size(max = 2000) @Pattern(regexp = "https?://\\S+") String returnUrl,
                              @Size(max = 2000) @Pattern(regexp = "https?://\\S+") String refreshUrl) {
    }

    /** The registered destination; {@code onboardingUrl} (Stripe Connect, when asked for) is shown only here. */
    record DestinationCreated(UUID id, PayoutDestinationKind kind, String last4, java.time.Instant createdAt,
                              String onboardingUrl) {
    }

    record SettingsRequest(@NotNull Boolean dailyAutoPayout, Money minimum) {
    }
}
