package io.hyperxtest.probe;

import io.hyperxtest.probe.ProbeMessages.DepositToProbe;
import io.hyperxtest.probe.ProbeMessages.OpenProbe;
import io.hyperxtest.probe.ProbeMessages.ProbeDeposited;
import io.hyperxtest.probe.ProbeMessages.ProbeOpened;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An event-sourced aggregate whose state (the balance) only survives a reload if events round-trip as JSON. */
@Aggregate
public class ProbeAccount {

    @AggregateIdentifier
    private String probeId;
    private long balanceMinor;

    protected ProbeAccount() {
    }

    @CommandHandler
    public ProbeAccount(OpenProbe command) {
        apply(new ProbeOpened(command.probeId(), Instant.now()));
    }

    @CommandHandler
    public long handle(DepositToProbe command) {
        long balanceAfter = Math.addExact(balanceMinor, command.amount().amountMinor());
        apply(new ProbeDeposited(probeId, command.amount(), balanceAfter));
        return balanceAfter;
    }

    @EventSourcingHandler
    void on(ProbeOpened event) {
        probeId = event.probeId();
    }

    @EventSourcingHandler
    void on(ProbeDeposited event) {
        balanceMinor = event.balanceAfterMinor();
    }
}
