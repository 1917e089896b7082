package io.hyperx.subscription.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "tier_view", schema = "subscription")
class TierEntity {

    @Id
    UUID id;
    @Column(name = "creator_id")
    UUID creatorId;
    String name;
    String description;
    @Column(name = "price_minor")
    long priceMinor;
    String currency;
    @Column(name = "billing_interval")
    String interval;
    @JdbcTypeCode(SqlTypes.JSON)
    List<String> benefits;
    @Column(name = "rank")
    int rank;
    boolean published;
    boolean archived;
    @Column(name = "member_limit")
    Integer memberLimit;
    @Column(name = "trial_days")
    int trialDays;
    @Column(name = "updated_at")
    Instant updatedAt;
}
