package io.hyperx.subscription.infra;

import io.hyperx.subscription.api.PaymentId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which of our payments a Stripe payment intent belongs to (charges and disputes name only the intent), with the
 * intent's client secret for the payer, and the Stripe customer of each paying account.
 */
@Component
public class ProviderPayments {

    private final JdbcTemplate jdbc;

    ProviderPayments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void remember(String providerPaymentId, PaymentId paymentId) {
        remember(providerPaymentId, paymentId, null);
    }

    void remember(String providerPaymentId, PaymentId paymentId, String clientSecret) {
        jdbc.update("""
                INSERT INTO subscription.provider_payment (provider_payment_id, payment_id, client_secret)
                VALUES (?, ?, ?) ON CONFLICT (provider_payment_id) DO NOTHING""",
                providerPaymentId, paymentId.value(), clientSecret);
    }

    /** The processor's intent for one of our payments, once the payment has been handed to the processor. */
    public record Intent(String providerPaymentId, String clientSecret) {
    }

    public Optional<Intent> intentOf(PaymentId paymentId) {
        return jdbc.query("""
                        SELECT provider_payment_id, client_secret FROM subscription.provider_payment
                        WHERE payment_id = ? ORDER BY provider_payment_id LIMIT 1""",
                (row, i) -> new Intent(row.getString(1), row.getString(2)), paymentId.value()).stream().findFirst();
    }

    Optional<PaymentId> paymentOf(String providerPaymentId) {
        List<UUID> ids = jdbc.queryForList(
                "SELECT payment_id FROM subscription.provider_payment WHERE provider_payment_id = ?", UUID.class,
                providerPaymentId);
        return ids.stream().findFirst().map(PaymentId::new);
    }

    Optional<String> customerOf(UUID accountId) {
        return jdbc.queryForList("SELECT customer_id FROM subscription.stripe_customer WHERE account_id = ?",
                String.class, accountId).stream().findFirst();
    }

    void rememberCustomer(UUID accountId, String customerId) {
        jdbc.update("""
                INSERT INTO subscription.stripe_customer (account_id, customer_id) VALUES (?, ?)
                ON CONFLICT (account_id) DO NOTHING""", accountId, customerId);
    }
}
