package io.hyperx.subscription.domain;

import io.hyperx.subscription.api.BillingInterval;

import java.time.Instant;
import java.time.ZoneOffset;

/** A period runs one calendar month or year in UTC from its start (Jan 31 + 1 month = Feb 28/29). */
public final class BillingPeriodPolicy {

    private BillingPeriodPolicy() {
    }

    public static Instant periodEnd(Instant periodStart, BillingInterval interval) {
        var start = periodStart.atOffset(ZoneOffset.UTC);
        return (interval == BillingInterval.ANNUAL ? start.plusYears(1) : start.plusMonths(1)).toInstant();
    }
}
