package io.hyperx.economy.application;

import io.hyperx.economy.domain.FeeSchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Economy settings ({@code hyperx.economy.*}, environment {@code HYPERX_ECONOMY_*}); a missing value takes the
 * documented default.
 */
@ConfigurationProperties("hyperx.economy")
public record EconomySettings(Integer processorFeeBps, Long processorFeeFixedMinor, Integer platformFeeBps,
                              Integer charityBps, Duration hold, BigDecimal payoutMinimum, Integer instantPayoutFeeBps,
                              Duration sweepInterval, Integer sweepBatch, Duration payoutPollInterval,
                              Integer payoutMaxRetries, Duration payoutRetryBackoff, Fraud fraud) {

    public EconomySettings {
        FeeSchedule defaults = FeeSchedule.defaults();
        processorFeeBps = processorFeeBps == null ? defaults.processorFeeBps() : processorFeeBps;
        processorFeeFixedMinor = processorFeeFixedMinor == null ? defaults.processorFeeFixedMinor()
                : processorFeeFixedMinor;
        platformFeeBps = platformFeeBps == null ? defaults.platformFeeBps() : platformFeeBps;
        charityBps = charityBps == null ? defaults.charityBps() : charityBps;
        hold = hold == null ? defaults.hold() : hold;
        payoutMinimum = payoutMinimum == null ? defaults.payoutMinimum() : payoutMinimum;
        instantPayoutFeeBps = instantPayoutFeeBps == null ? defaults.instantPayoutFeeBps() : instantPayoutFeeBps;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
        sweepBatch = sweepBatch == null || sweepBatch <= 0 ? 50 : sweepBatch;
        payoutPollInterval = payoutPollInterval == null ? Duration.ofSeconds(5) : payoutPollInterval;
        payoutMaxRetries = payoutMaxRetries == null || payoutMaxRetries < 0 ? 3 : payoutMaxRetries;
        payoutRetryBackoff = payoutRetryBackoff == null ? Duration.ofMinutes(10) : payoutRetryBackoff;
        fraud = fraud == null ? new Fraud(null, null, null) : fraud;
    }

    public FeeSchedule feeSchedule() {
        return new FeeSchedule(processorFeeBps, processorFeeFixedMinor, platformFeeBps, charityBps, hold,
                payoutMinimum, instantPayoutFeeBps);
    }

    /** Fraud thresholds: one payment above {@code largePayment} (major units); per payer per hour. */
    public record Fraud(BigDecimal largePayment, Integer maxPaymentsPerHour, BigDecimal maxAmountPerHour) {

        public Fraud {
            largePayment = largePayment == null ? new BigDecimal("500.00") : largePayment;
            maxPaymentsPerHour = maxPaymentsPerHour == null ? 10 : maxPaymentsPerHour;
            maxAmountPerHour = maxAmountPerHour == null ? new BigDecimal("1000.00") : maxAmountPerHour;
        }
    }
}
