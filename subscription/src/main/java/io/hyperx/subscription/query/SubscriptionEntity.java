package io.hyperx.subscription.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "subscription_view", schema = "subscription")
class SubscriptionEntity extends CreatedRow {

    @Id
    UUID id;
    @Column(name = "fan_id")
    UUID fanId;
    @Column(name = "creator_id")
    UUID creatorId;
    @Column(name = "tier_id")
    UUID tierId;
    String status;
    @Column(name = "price_minor")
    long priceMinor;
    String currency;
    @Column(name = "billing_interval")
    String interval;
    @Column(name = "current_period_end")
    Instant currentPeriodEnd;
    @Column(name = "cancel_at_period_end")
    boolean cancelAtPeriodEnd;
    @Column(name = "grace_ends_at")
    Instant graceEndsAt;
    @Column(name = "trial_started_at")
    Instant trialStartedAt;
    @Column(name = "started_at")
    Instant startedAt;
    @Column(name = "updated_at")
    Instant updatedAt;

    @Override
    public UUID getId() {
        return id;
    }
}
