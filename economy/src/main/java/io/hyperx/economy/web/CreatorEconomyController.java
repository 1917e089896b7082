package io.hyperx.economy.web;

import io.hyperx.economy.api.BalanceView;
import io.hyperx.economy.api.FindBalanceQuery;
import io.hyperx.economy.api.FindLedgerQuery;
import io.hyperx.economy.api.FindPayoutQuery;
import io.hyperx.economy.api.FindPayoutsQuery;
import io.hyperx.economy.api.LedgerPage;
import io.hyperx.economy.api.PayoutPage;
import io.hyperx.economy.api.PayoutView;
import io.hyperx.economy.api.ChangeCreatorFeesCommand;
import io.hyperx.economy.api.WalletId;
import io.hyperx.economy.application.RequestPayout;
import io.hyperx.economy.domain.EconomyProblem;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.kernel.DomainException;
import io.hyperx.kernel.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/** The calling creator's money: balances (now or as of an instant), ledger, payouts, charity share. */
@RestController
@RequestMapping("/api/v1/creators")
class CreatorEconomyController {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final RequestPayout requestPayout;
    private final Clock clock;

    CreatorEconomyController(QueryGateway queries, CommandGateway commands, RequestPayout requestPayout,
                             Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.requestPayout = requestPayout;
        this.clock = clock;
    }

    @GetMapping("/balance")
    @RequiresCapability(Capability.PAYOUTS_REQUEST)
    BalanceView balance(@AuthenticationPrincipal AccountPrincipal principal,
                        @RequestParam(required = false) String asOf) {
        return queries.query(new FindBalanceQuery(principal.accountId().value(), parseInstant(asOf)),
                ResponseTypes.instanceOf(BalanceView.class)).join();
    }

    @GetMapping("/ledger")
    @RequiresCapability(Capability.PAYOUTS_REQUEST)
    Map<String, Object> ledger(@AuthenticationPrincipal AccountPrincipal principal,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "20") int size) {
        LedgerPage ledger = queries.query(new FindLedgerQuery(principal.accountId().value(), page, size),
                ResponseTypes.instanceOf(LedgerPage.class)).join();
        return Map.of("data", ledger.data(), "meta", Map.of("pagination", ledger.pagination()));
    }

    @PostMapping("/payouts")
    @RequiresCapability(Capability.PAYOUTS_REQUEST)
    ResponseEntity<PayoutView> requestPayout(@AuthenticationPrincipal AccountPrincipal principal,
                                             @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                             @Valid @RequestBody PayoutRequest request) {
        PayoutView payout = requestPayout.request(principal.accountId().value(), key, request.amount());
        return ResponseEntity.created(URI.create("/api/v1/creators/payouts/" + payout.id())).body(payout);
    }

    @GetMapping("/payouts")
    @RequiresCapability(Capability.PAYOUTS_REQUEST)
    Map<String, Object> payouts(@AuthenticationPrincipal AccountPrincipal principal,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "20") int size) {
        PayoutPage payouts = queries.query(new FindPayoutsQuery(principal.accountId().value(), page, size),
                ResponseTypes.instanceOf(PayoutPage.class)).join();
        return Map.of("data", payouts.data(), "meta", Map.of("pagination", payouts.pagination()));
    }

    @GetMapping("/payouts/{id}")
    @RequiresCapability(Capability.PAYOUTS_REQUEST)
    PayoutView payout(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        PayoutView payout = queries.query(new FindPayoutQuery(principal.accountId().value(), id),
                ResponseTypes.instanceOf(PayoutView.class)).join();
        if (payout == null) {
            throw DomainException.notFound("payout_not_found", "No such payout.");
        }
        return payout;
    }

    @PutMapping("/charity")
    @RequiresCapability(Capability.PROFILE_WRITE)
    Map<String, Object> charity(@AuthenticationPrincipal AccountPrincipal principal,
                                @Valid @RequestBody CharityRequest request) {
        commands.sendAndWait(new ChangeCreatorFeesCommand(WalletId.of(principal.accountId().value()), null,
                request.charityBps(), clock.instant()));
        return Map.of("charityBps", request.charityBps());
    }

    private static Instant parseInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new EconomyProblem(400, "invalid_as_of", "asOf must be an ISO-8601 instant, e.g. 2026-11-23T00:00:00Z.");
        }
    }

    record PayoutRequest(@NotNull Money amount) {
    }

    record CharityRequest(@NotNull @Min(0) @Max(10_000) Integer charityBps) {
    }
}
