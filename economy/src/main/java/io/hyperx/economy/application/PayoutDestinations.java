package io.hyperx.economy.application;

import io.hyperx.economy.api.PayoutDestinationKind;
import io.hyperx.economy.api.PayoutDestinationView;
import io.hyperx.economy.api.RegisterPayoutDestinationCommand;
import io.hyperx.economy.api.RemovePayoutDestinationCommand;
import io.hyperx.economy.api.WalletId;
import io.hyperx.kernel.DomainException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A creator's payout destinations: set up at the provider, kept in {@code economy.payout_destination} (provider ids
 * and last 4 digits only) and announced to the wallet by id in the same transaction, so the wallet can refuse a
 * payout without one. Payouts go to the most recently registered destination still in place.
 */
@Service
public class PayoutDestinations {

    private static final RowMapper<Stored> STORED = (row, i) -> new Stored(
            row.getObject("destination_id", UUID.class),
            new PayoutProvider.Destination(PayoutDestinationKind.valueOf(row.getString("kind")),
                    row.getString("provider_account"), row.getString("provider_reference")),
            row.getString("last4"), row.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final PayoutProvider provider;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PayoutDestinations(JdbcTemplate jdbc, CommandGateway commands, PayoutProvider provider,
                       PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.provider = provider;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** A destination as stored: its id, what the provider needs, and what the creator sees. */
    public record Stored(UUID id, PayoutProvider.Destination destination, String last4, Instant createdAt) {

        public PayoutDestinationView view() {
            return new PayoutDestinationView(id, destination.kind(), last4, createdAt);
        }
    }

    /** A registered destination and, for a Stripe Connect account, the onboarding link (never stored). */
    public record Registration(PayoutDestinationView destination, String onboardingUrl) {
    }

    public Registration register(UUID creatorId, PayoutDestinationKind kind, String token,
                                 PayoutProvider.Onboarding onboarding) {
        String account = jdbc.query("""
                        SELECT provider_account FROM economy.payout_destination WHERE creator_id = ?
                        ORDER BY created_at LIMIT 1""", (row, i) -> row.getString(1), creatorId)
                .stream().findFirst().orElse(null);
        PayoutProvider.Registered registered = provider.register(creatorId, kind, token, account, onboarding);
        Instant now = clock.instant();
        PayoutDestinationView destination = transactions.execute(status -> {
            Optional<Stored> same = jdbc.query("""
                            SELECT * FROM economy.payout_destination
                            WHERE creator_id = ? AND provider_reference = ? AND removed_at IS NULL""", STORED,
                    creatorId, registered.providerReference()).stream().findFirst();
            if (same.isPresent()) {
                return same.get().view();
            }
            UUID id = UUID.randomUUID();
            jdbc.update("""
                            INSERT INTO economy.payout_destination (destination_id, creator_id, kind, provider_account,
                                provider_reference, last4, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""", id, creatorId,
                    kind.name(), registered.providerAccount(), registered.providerReference(), registered.last4(),
                    Timestamp.from(now));
            commands.sendAndWait(new RegisterPayoutDestinationCommand(WalletId.of(creatorId), id, now));
            return new PayoutDestinationView(id, kind, registered.last4(), now);
        });
        return new Registration(destination, registered.onboardingUrl());
    }

    public List<PayoutDestinationView> list(UUID creatorId) {
        return jdbc.query("""
                SELECT * FROM economy.payout_destination WHERE creator_id = ? AND removed_at IS NULL
                ORDER BY created_at DESC, destination_id""", STORED, creatorId).stream().map(Stored::view).toList();
    }

    public void remove(UUID creatorId, UUID destinationId) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            int removed = jdbc.update("""
                    UPDATE economy.payout_destination SET removed_at = ?
                    WHERE destination_id = ? AND creator_id = ? AND removed_at IS NULL""", Timestamp.from(now),
                    destinationId, creatorId);
            if (removed == 0) {
                throw DomainException.notFound("payout_destination_not_found", "No such payout destination.");
            }
            commands.sendAndWait(new RemovePayoutDestinationCommand(WalletId.of(creatorId), destinationId, now));
        });
    }

    /** Where the creator's payouts go now: the most recently registered destination still in place. */
    Optional<Stored> current(UUID creatorId) {
        return jdbc.query("""
                SELECT * FROM economy.payout_destination WHERE creator_id = ? AND removed_at IS NULL
                ORDER BY created_at DESC, destination_id LIMIT 1""", STORED, creatorId).stream().findFirst();
    }

    Optional<Stored> byId(UUID destinationId) {
        return jdbc.query("SELECT * FROM economy.payout_destination WHERE destination_id = ?", STORED, destinationId)
                .stream().findFirst();
    }
}
