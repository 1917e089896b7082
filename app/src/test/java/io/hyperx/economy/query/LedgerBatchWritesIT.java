package io.hyperx.economy.query;

import io.hyperx.economy.EconomyHttpSupport;
import io.hyperx.economy.api.PaymentCredited;
import io.hyperx.economy.api.WalletId;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger projection's batched writes ({@link ProjectionWrites}): nothing reaches the tables before the unit of
 * work commits, two events of one wallet in one batch add up in one row, and events delivered again add nothing.
 */
class LedgerBatchWritesIT extends EconomyHttpSupport {

    @Autowired
    LedgerProjection ledger;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactionManager;

    @Test
    void oneBatchAddsTwoCreditsOfOneWalletOnceAndARedeliveredBatchAddsNothing() {
        Session creator = register("creator");
        pay(UUID.randomUUID(), creator.id(), 10_000);
        pay(UUID.randomUUID(), creator.id(), 2_500);
        awaitBalance(creator, balance -> minor(balance, "lifetimeGross") == 12_500, "both payments credited");
        List<DomainEventMessage<?>> credits = credits(creator.id());
        Map<String, Object> projected = walletRow(creator.id());
        long entries = journalEntries(creator.id());

        inOneBatch(credits);
        assertThat(walletRow(creator.id())).isEqualTo(projected);
        assertThat(journalEntries(creator.id())).isEqualTo(entries);

        forgetLedgerOf(creator.id());
        inOneBatch(credits);
        assertThat(walletRow(creator.id())).isEqualTo(projected);
        assertThat(journalEntries(creator.id())).isEqualTo(entries);
        assertThat(projected.get("applied_seq")).isEqualTo(credits.get(1).getSequenceNumber());
    }

    @Test
    void aBatchRedeliveredWithNewerEventsAddsOnlyTheNewerOnes() {
        Session creator = register("creator");
        pay(UUID.randomUUID(), creator.id(), 3_759);
        pay(UUID.randomUUID(), creator.id(), 4_160);
        awaitBalance(creator, balance -> minor(balance, "lifetimeGross") == 7_919, "both payments credited");
        List<DomainEventMessage<?>> credits = credits(creator.id());
        Map<String, Object> projected = walletRow(creator.id());
        forgetLedgerOf(creator.id());

        inOneBatch(credits.subList(0, 1));
        inOneBatch(credits);

        assertThat(walletRow(creator.id())).isEqualTo(projected);
        assertThat(jdbc.queryForList("SELECT * FROM health.economy_wallet_drift_violations")).isEmpty();
    }

    private List<DomainEventMessage<?>> credits(UUID creator) {
        List<DomainEventMessage<?>> credits = eventStore.readEvents(WalletId.of(creator).toString()).asStream()
                .filter(event -> event.getPayload() instanceof PaymentCredited)
                .<DomainEventMessage<?>>map(event -> event).toList();
        assertThat(credits).hasSize(2);
        return credits;
    }

    private void forgetLedgerOf(UUID creator) {
        jdbc.update("DELETE FROM economy.posting WHERE creator_id = ?", creator);
        jdbc.update("DELETE FROM economy.journal_entry WHERE creator_id = ?", creator);
        jdbc.update("DELETE FROM economy.wallet WHERE creator_id = ?", creator);
    }

    /** The events handled in one transaction, as a processor's batch is; no row is written before it commits. */
    private void inOneBatch(List<DomainEventMessage<?>> events) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(events.get(0));
        batch.attachTransaction(transactionManager);
        long before = jdbc.queryForObject("SELECT count(*) FROM economy.journal_entry", Long.class);
        for (DomainEventMessage<?> event : events) {
            ledger.on((PaymentCredited) event.getPayload(), event.getSequenceNumber());
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM economy.journal_entry", Long.class))
                .as("rows written before the commit").isEqualTo(before);
        batch.commit();
    }

    private Map<String, Object> walletRow(UUID creator) {
        return jdbc.queryForMap("SELECT * FROM economy.wallet WHERE creator_id = ?", creator);
    }

    private long journalEntries(UUID creator) {
        return jdbc.queryForObject("SELECT count(*) FROM economy.journal_entry WHERE creator_id = ?", Long.class,
                creator);
    }
}
