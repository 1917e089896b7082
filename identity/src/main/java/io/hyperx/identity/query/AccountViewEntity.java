package io.hyperx.identity.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code identity.account_view}. */
@Entity
@Table(schema = "identity", name = "account_view")
class AccountViewEntity {

    @Id
    @Column(name = "account_id")
    private UUID accountId;
    @Column(name = "role", length = 16, nullable = false)
    private String role;
    @Column(name = "status", length = 16, nullable = false)
    private String status;
    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;
    @Column(name = "two_factor_enabled", nullable = false)
    private boolean twoFactorEnabled;
    @Column(name = "profile_published", nullable = false)
    private boolean profilePublished;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AccountViewEntity() {
    }

    AccountViewEntity(UUID accountId, String role, Instant registeredAt) {
        this.accountId = accountId;
        this.role = role;
        this.status = "active";
        this.registeredAt = registeredAt;
        this.updatedAt = registeredAt;
    }

    UUID accountId() {
        return accountId;
    }

    String role() {
        return role;
    }

    String status() {
        return status;
    }

    boolean emailVerified() {
        return emailVerified;
    }

    boolean twoFactorEnabled() {
        return twoFactorEnabled;
    }

    boolean profilePublished() {
        return profilePublished;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    void role(String role, Instant at) {
        this.role = role;
        this.updatedAt = at;
    }

    void status(String status, Instant at) {
        this.status = status;
        this.updatedAt = at;
    }

    void emailVerified(Instant at) {
        this.emailVerified = true;
        this.updatedAt = at;
    }

    void twoFactorEnabled(Instant at) {
        this.twoFactorEnabled = true;
        this.updatedAt = at;
    }

    void touched(Instant at) {
        this.updatedAt = at;
    }

    void profilePublished(boolean published, Instant at) {
        this.profilePublished = published;
        this.updatedAt = at;
    }
}
