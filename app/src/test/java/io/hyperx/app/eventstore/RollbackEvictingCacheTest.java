package io.hyperx.app.eventstore;

import io.hyperx.app.eventstore.AggregateCaches.RollbackEvictingCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class RollbackEvictingCacheTest {

    private final RollbackEvictingCache cache = new RollbackEvictingCache();
    private final Object aggregate = new Object();

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void anAggregateCachedInATransactionThatRollsBackIsForgotten() {
        TransactionSynchronizationManager.initSynchronization();
        cache.put("wallet-1", aggregate);
        assertThat(cache.<String, Object>get("wallet-1")).isSameAs(aggregate);

        complete(TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(cache.containsKey("wallet-1")).isFalse();
    }

    @Test
    void anAggregateCachedInATransactionThatCommitsStays() {
        TransactionSynchronizationManager.initSynchronization();
        cache.put("wallet-1", aggregate);

        complete(TransactionSynchronization.STATUS_COMMITTED);

        assertThat(cache.<String, Object>get("wallet-1")).isSameAs(aggregate);
    }

    @Test
    void outsideATransactionAPutSimplyCaches() {
        cache.put("wallet-1", aggregate);

        assertThat(cache.<String, Object>get("wallet-1")).isSameAs(aggregate);
    }

    private static void complete(int status) {
        TransactionSynchronizationManager.getSynchronizations().forEach(sync -> sync.afterCompletion(status));
        TransactionSynchronizationManager.clearSynchronization();
    }
}
