package io.hyperx.economy.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Creator earnings across all wallets, per currency, in minor units: {@code hyperx_creator_earnings_minor{kind}}
 * with kind gross or net, and {@code hyperx_creator_receivable_minor}, what creators owe the platform (refunds beyond
 * their available balance, not yet repaid). Gauges for dashboards, never a source of money: the ledger is.
 */
@Component
class EarningsMetrics {

    private final JdbcTemplate jdbc;
    private final MultiGauge earnings;
    private final MultiGauge receivable;

    EarningsMetrics(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.earnings = MultiGauge.builder("hyperx.creator.earnings.minor")
                .description("Lifetime creator earnings in minor units, by currency and kind (gross, net)")
                .register(meters);
        this.receivable = MultiGauge.builder("hyperx.creator.receivable.minor")
                .description("What creators owe the platform in minor units (refunds beyond available), by currency")
                .register(meters);
    }

    @Scheduled(initialDelayString = "${hyperx.health.metrics-interval:15s}",
            fixedDelayString = "${hyperx.health.metrics-interval:15s}")
    void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        List<MultiGauge.Row<?>> owed = new ArrayList<>();
        jdbc.query("""
                SELECT currency, sum(lifetime_gross_minor), sum(lifetime_net_minor), sum(receivable_minor)
                FROM economy.wallet GROUP BY currency""", row -> {
            rows.add(MultiGauge.Row.of(Tags.of("currency", row.getString(1), "kind", "gross"), row.getLong(2)));
            rows.add(MultiGauge.Row.of(Tags.of("currency", row.getString(1), "kind", "net"), row.getLong(3)));
            owed.add(MultiGauge.Row.of(Tags.of("currency", row.getString(1)), row.getLong(4)));
        });
        earnings.register(rows, true);
        receivable.register(owed, true);
    }
}
