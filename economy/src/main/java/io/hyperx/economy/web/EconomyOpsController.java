package io.hyperx.economy.web;

import io.hyperx.economy.api.FindFraudSignalsQuery;
import io.hyperx.economy.api.FraudSignalPage;
import io.hyperx.economy.query.WalletReconciliation;
import io.hyperx.identity.api.RequiresCapability;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Admin and ops views of the economy: fraud signals, wallet reconciliation (admins hold {@code ops:*}). */
@RestController
class EconomyOpsController {

    static final String FRAUD_SIGNALS = "ops:fraud-signals";
    static final String RECONCILE = "ops:reconcile";
    private static final String[] FIELDS = {"available", "pending", "reserved", "lifetimeGross", "lifetimeNet"};

    private final QueryGateway queries;
    private final WalletReconciliation reconciliation;

    EconomyOpsController(QueryGateway queries, WalletReconciliation reconciliation) {
        this.queries = queries;
        this.reconciliation = reconciliation;
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
