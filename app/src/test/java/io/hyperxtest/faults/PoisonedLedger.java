package io.hyperxtest.faults;

import io.hyperx.economy.api.PaymentCredited;
import io.hyperx.economy.application.EconomyConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.annotation.Value;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fault suite's poison: a second handler in the ledger's processing group that throws for every credit of
 * {@code hyperx.faults.poison-amount-minor} while the file {@code hyperx.faults.poison-switch} exists (deleting it
 * is "the fix"). Loaded only into the suite's child processes, through {@code --spring.main.sources}: it lives
 * outside {@code io.hyperx}, so no component scan finds it.
 */
@ProcessingGroup(EconomyConfiguration.PROCESSING_GROUP)
public class PoisonedLedger {

    private final long poisonAmountMinor;
    private final Path poisonSwitch;

    PoisonedLedger(@Value("${hyperx.faults.poison-amount-minor}") long poisonAmountMinor,
                   @Value("${hyperx.faults.poison-switch}") String poisonSwitch) {
        this.poisonAmountMinor = poisonAmountMinor;
        this.poisonSwitch = Path.of(poisonSwitch);
    }

    @org.axonframework.eventhandling.EventHandler
    void on(PaymentCredited credited) {
        if (credited.gross().amountMinor() == poisonAmountMinor && Files.exists(poisonSwitch)) {
            throw new IllegalStateException("poisoned credit " + credited.paymentId() + " (fault suite)");
        }
    }
}
