package io.hyperx.subscription.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "payment_view", schema = "subscription")
class PaymentEntity extends CreatedRow {

    @Id
    UUID id;
    String purpose;
    @Column(name = "purpose_reference")
    UUID purposeReference;
    @Column(name = "payer_id")
    UUID payerId;
    @Column(name = "creator_id")
    UUID creatorId;
    @Column(name = "amount_minor")
    long amountMinor;
    String currency;
    String status;
    @Column(name = "refunded_minor")
    long refundedMinor;
    @Column(name = "fee_minor")
    Long feeMinor;
    @Column(name = "failure_code")
    String failureCode;
    @Column(name = "initiated_at")
    Instant initiatedAt;
    @Column(name = "updated_at")
    Instant updatedAt;

    @Override
    public UUID getId() {
        return id;
    }
}
