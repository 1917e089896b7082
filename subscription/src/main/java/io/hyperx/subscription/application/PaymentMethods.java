package io.hyperx.subscription.application;

import io.hyperx.kernel.Ids;
import io.hyperx.subscription.domain.SubscriptionProblem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A fan's saved payment methods: Stripe payment-method ids only (the card itself stays with Stripe). The first one
 * saved becomes the default; subscriptions started without an explicit method use the default.
 */
@Service
public class PaymentMethods {

    private static final Pattern STRIPE_ID = Pattern.compile("pm_[A-Za-z0-9_]{1,200}");

    private final JdbcTemplate jdbc;

    PaymentMethods(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A saved method. */
    public record PaymentMethod(UUID id, String stripePaymentMethodId, boolean isDefault, Instant createdAt) {
    }

    public List<PaymentMethod> of(UUID accountId) {
        return jdbc.query("""
                        SELECT id, stripe_payment_method_id, is_default, created_at FROM subscription.payment_method
                        WHERE account_id = ? ORDER BY created_at, id""",
                (row, i) -> new PaymentMethod(row.getObject("id", UUID.class),
                        row.getString("stripe_payment_method_id"), row.getBoolean("is_default"),
                        row.getTimestamp("created_at").toInstant()), accountId);
    }

    @Transactional
    public PaymentMethod add(UUID accountId, String stripePaymentMethodId) {
        if (stripePaymentMethodId == null || !STRIPE_ID.matcher(stripePaymentMethodId).matches()) {
            throw SubscriptionProblem.unprocessable("invalid_payment_method",
                    "A payment method is a Stripe payment-method id (pm_...).");
        }
        UUID id = Ids.deterministic("payment-method", accountId.toString(), stripePaymentMethodId);
        jdbc.update("""
                INSERT INTO subscription.payment_method (id, account_id, stripe_payment_method_id, is_default)
                VALUES (?, ?, ?, NOT EXISTS (SELECT 1 FROM subscription.payment_method WHERE account_id = ?))
                ON CONFLICT (account_id, stripe_payment_method_id) DO NOTHING""",
                id, accountId, stripePaymentMethodId, accountId);
        return find(accountId, id).orElseThrow();
    }

    @Transactional
    public PaymentMethod makeDefault(UUID accountId, UUID id) {
        find(accountId, id).orElseThrow(PaymentMethods::notFound);
        jdbc.update("UPDATE subscription.payment_method SET is_default = false WHERE account_id = ? AND is_default",
                accountId);
        jdbc.update("UPDATE subscription.payment_method SET is_default = true WHERE account_id = ? AND id = ?",
                accountId, id);
        return find(accountId, id).orElseThrow();
    }

    @Transactional
    public void remove(UUID accountId, UUID id) {
        if (jdbc.update("DELETE FROM subscription.payment_method WHERE account_id = ? AND id = ?", accountId, id)
                == 0) {
            throw notFound();
        }
    }

    /** The Stripe id of the fan's default method, if any. */
    public Optional<String> defaultOf(UUID accountId) {
        return of(accountId).stream().filter(PaymentMethod::isDefault).map(PaymentMethod::stripePaymentMethodId)
                .findFirst();
    }

    private Optional<PaymentMethod> find(UUID accountId, UUID id) {
        return of(accountId).stream().filter(method -> method.id().equals(id)).findFirst();
    }

    private static SubscriptionProblem notFound() {
        return SubscriptionProblem.notFound("payment_method_not_found", "No such payment method.");
    }
}
