package io.hyperx.subscription.query;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.UUID;

interface TierRepository extends JpaRepository<TierEntity, UUID> {

    List<TierEntity> findByCreatorIdOrderByRankAscNameAsc(UUID creatorId);
}

interface SubscriptionRepository extends JpaRepository<SubscriptionEntity, UUID>,
        JpaSpecificationExecutor<SubscriptionEntity> {

    @Query("""
            select count(s) from SubscriptionEntity s
            where s.tierId = :tierId and s.status in ('PENDING', 'TRIALING', 'ACTIVE', 'GRACE_PERIOD', 'PAUSED')""")
    long countMembers(@Param("tierId") UUID tierId);

    long countByFanIdAndCreatorIdAndTrialStartedAtIsNotNull(UUID fanId, UUID creatorId);

    /** Equality on a column, or no restriction when the value is absent. */
    static <T> Specification<T> equalIfPresent(String attribute, Object value) {
        return (root, query, cb) -> value == null ? cb.conjunction() : cb.equal(root.get(attribute), value);
    }
}

interface PaymentRepository extends JpaRepository<PaymentEntity, UUID>, JpaSpecificationExecutor<PaymentEntity> {
}
