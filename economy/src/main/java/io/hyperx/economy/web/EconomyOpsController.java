package io.hyperx.economy.web;

import io.hyperx.economy.api.ChangeCreatorFeesCommand;
import io.hyperx.economy.api.FindFraudSignalsQuery;
import io.hyperx.economy.api.FraudSignalPage;
import io.hyperx.economy.api.WalletId;
import io.hyperx.economy.query.WalletReconciliation;
import io.hyperx.identity.api.RequiresCapability;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Admin and ops endpoints of the economy: fraud signals, wallet reconciliation, per-creator platform fees (admins hold
 * {@code ops:*}).
 */
@RestController
class EconomyOpsController {

    static final String FRAUD_SIGNALS = "ops:fraud-signals";
    static final String RECONCILE = "ops:reconcile";
    static final String FEES = "ops:fees";
    private static final String[] FIELDS = {"available", "pending", "reserved", "receivable", "lifetimeGross",
        "lifetimeNet"};

    private final QueryGateway queries;
    private final WalletReconciliation reconciliation;
    private final CommandGateway commands;
    private final Clock clock;

    EconomyOpsController(QueryGateway queries, WalletReconciliation reconciliation, CommandGateway commands,
                         Clock clock) {
        this.queries = queries;
        this.reconciliation = reconciliation;
        this.commands = commands;
        this.clock = clock;
    }

    /** A creator's own platform fee, for payments credited from now on. */
    @PutMapping("/api/v1/admin/creators/{creatorId}/fees")
    @RequiresCapability(FEES)
    Map<String, Object> creatorFees(@PathVariable UUID creatorId, @Valid @RequestBody FeesRequest request) {
        commands.sendAndWait(new ChangeCreatorFeesCommand(WalletId.of(creatorId), request.platformFeeBps(), null,
                clock.instant()));
        return Map.of("creatorId", creatorId, "platformFeeBps", request.platformFeeBps());
    }

    record FeesRequest(@NotNull @Min(0) @Max(10_000) Integer platformFeeBps) {
    }

    @GetMapping("/api/v1/admin/fraud-signals")
    @RequiresCapability(FRAUD_SIGNALS)
    Map<String, Object> fraudSignals(@RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        FraudSignalPage signals = queries.query(new FindFraudSignalsQuery(page, size),
                ResponseTypes.instanceOf(FraudSignalPage.class)).join();
        return Map.of("data", signals.data(), "meta", Map.of("pagination", signals.pagination()));
    }

    @PostMapping("/api/v1/ops/reconcile/wallets/{creatorId}")
    @RequiresCapability(RECONCILE)
    Map<String, Object> reconcileOne(@PathVariable UUID creatorId) {
        return report(reconciliation.reconcile(creatorId));
    }

    @PostMapping("/api/v1/ops/reconcile/wallets")
    @RequiresCapability(RECONCILE)
    Map<String, Object> reconcileAll() {
        return report(reconciliation.reconcile(null));
    }

    private static Map<String, Object> report(List<WalletReconciliation.Discrepancy> found) {
        List<Map<String, Object>> discrepancies = found.stream().map(d -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("creatorId", d.creatorId());
            row.put("currency", d.currency());
            row.put("wallet", values(d.stored()));
            row.put("ledger", values(d.fromLedger()));
            return row;
        }).toList();
        return Map.of("discrepancies", discrepancies, "repaired", discrepancies.size());
    }

    private static Map<String, Long> values(long[] values) {
        if (values == null) {
            return null;
        }
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < FIELDS.length; i++) {
            map.put(FIELDS[i], values[i]);
        }
        return map;
    }
}
