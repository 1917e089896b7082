package io.hyperxtest.probe;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Commands and events of the probe aggregate. */
public final class ProbeMessages {

    private ProbeMessages() {
    }

    public record OpenProbe(@TargetAggregateIdentifier String probeId) {
    }

    public record DepositToProbe(@TargetAggregateIdentifier String probeId, Money amount) {
    }

    public record ProbeOpened(String probeId, Instant openedAt) {
    }

    public record ProbeDeposited(String probeId, Money amount, long balanceAfterMinor) {
    }
}
