package io.hyperx.economy.web;

import io.hyperx.economy.api.FindTipsQuery;
import io.hyperx.economy.api.TipId;
import io.hyperx.economy.api.TipPage;
import io.hyperx.economy.application.SendTip;
import io.hyperx.economy.domain.EconomyProblem;
import io.hyperx.economy.domain.Tip;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.CreatorDirectory;
import io.hyperx.identity.api.RateLimited;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.kernel.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** Fans tip creators; fans see the tips they sent, creators the tips they received (anonymous ones without the fan). */
@RestController
class TipController {

    private final SendTip sendTip;
    private final QueryGateway queries;
    private final CreatorDirectory creators;

    TipController(SendTip sendTip, QueryGateway queries, CreatorDirectory creators) {
        this.sendTip = sendTip;
        this.queries = queries;
        this.creators = creators;
    }

    @PostMapping("/api/v1/fans/tips")
    @RequiresCapability(Capability.TIPS_CREATE)
    @RateLimited("tips")
    ResponseEntity<Map<String, Object>> tip(@AuthenticationPrincipal AccountPrincipal principal,
                                            @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                            @Valid @RequestBody TipRequest request) {
        UUID creatorId = creatorOf(request);
        TipId tipId = sendTip.send(principal.accountId().value(), key, creatorId, request.amount(),
                request.message(), Boolean.TRUE.equals(request.anonymous()), request.paymentMethodId());
        return ResponseEntity.created(URI.create("/api/v1/fans/tips/" + tipId.value())).body(Map.of(
                "id", tipId.value(), "creatorId", creatorId, "amount", request.amount(),
                "anonymous", Boolean.TRUE.equals(request.anonymous()),
                "paymentId", Tip.paymentId(tipId).value(), "status", "PENDING"));
    }

    @GetMapping("/api/v1/fans/tips/history")
    @RequiresCapability(Capability.TIPS_CREATE)
    Map<String, Object> sent(@AuthenticationPrincipal AccountPrincipal principal,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        return list(new FindTipsQuery(principal.accountId().value(), null, page, size));
    }

    @GetMapping("/api/v1/creators/tips")
    @RequiresCapability(Capability.PAYOUTS_REQUEST)
    Map<String, Object> received(@AuthenticationPrincipal AccountPrincipal principal,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        return list(new FindTipsQuery(null, principal.accountId().value(), page, size));
    }

    private UUID creatorOf(TipRequest request) {
        if ((request.creatorId() == null) == (request.creatorSlug() == null)) {
            throw EconomyProblem.unprocessable("creator_required",
                    "Name the creator by creatorId or by creatorSlug, not both.");
        }
        if (request.creatorId() != null) {
            return request.creatorId();
        }
        return creators.creatorId(request.creatorSlug()).orElseThrow(() ->
                new EconomyProblem(404, "creator_not_found", "No published creator '" + request.creatorSlug() + "'."));
    }

    private Map<String, Object> list(FindTipsQuery query) {
        TipPage tips = queries.query(query, ResponseTypes.instanceOf(TipPage.class)).join();
        return Map.of("data", tips.data(), "meta", Map.of("pagination", tips.pagination()));
    }

    record TipRequest(UUID creatorId, @Size(max = 100) String creatorSlug, @NotNull Money amount,
                      @Size(max = 500) String message, Boolean anonymous,
                      @NotBlank @Size(max = 255) String paymentMethodId) {
    }
}
