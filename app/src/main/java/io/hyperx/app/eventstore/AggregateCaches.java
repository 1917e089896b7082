package io.hyperx.app.eventstore;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The aggregates kept in memory between commands instead of being re-read from their whole stream each time: the
 * creator's {@code Wallet} (economy, {@code @Aggregate(cache = "walletCache")}) and the {@code Payment}
 * (subscription, {@code "paymentCache"}). Safe with several nodes: a copy made stale by another node appends at a
 * sequence number already taken, the event store's unique (aggregate, sequence) key refuses it, Axon evicts the
 * entry on rollback and the caller's retry ({@code ConcurrentWrites}) reloads it from the store.
 * {@code HYPERX_AGGREGATE_CACHE=false} turns both off (every command re-reads its aggregate's stream).
 */
@Configuration(proxyBeanMethods = false)
class AggregateCaches {

    @Bean
    Cache walletCache(@Value("${hyperx.eventstore.aggregate-cache:true}") boolean enabled) {
        return enabled ? new RollbackEvictingCache() : NoCache.INSTANCE;
    }

    @Bean
    Cache paymentCache(@Value("${hyperx.eventstore.aggregate-cache:true}") boolean enabled) {
        return enabled ? new RollbackEvictingCache() : NoCache.INSTANCE;
    }

    /**
     * Axon evicts an aggregate when its own unit of work rolls back, but a command sent inside a transaction Axon did
     * not start (the webhook intake records the event id and sends its commands in one transaction) completes its
     * unit of work before that transaction commits. If that transaction then rolls back, the cached aggregate would
     * hold events the store never kept; so each put is also undone when the surrounding transaction does not commit.
     */
    static final class RollbackEvictingCache extends WeakReferenceCache {

        @Override
        public void put(Object key, Object value) {
            super.put(key, value);
            evictUnlessCommitted(key);
        }

        @Override
        public boolean putIfAbsent(Object key, Object value) {
            boolean added = super.putIfAbsent(key, value);
            if (added) {
                evictUnlessCommitted(key);
            }
            return added;
        }

        private void evictUnlessCommitted(Object key) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status != STATUS_COMMITTED) {
                            remove(key);
                        }
                    }
                });
            }
        }
    }
}
