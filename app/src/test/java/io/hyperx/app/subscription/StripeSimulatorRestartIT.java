package io.hyperx.app.subscription;

import io.hyperx.app.HyperxApplication;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.InitiatePaymentCommand;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.testsupport.TestPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tip accepted just before a node goes down still settles: the simulator's webhook, not delivered before the stop
 * (here its URL is dead), is delivered by the next node after the restart, once.
 */
class StripeSimulatorRestartIT {

    @TempDir
    Path home;

    @Test
    void aSimulatedWebhookNotDeliveredBeforeARestartIsDeliveredAfterIt() {
        TestPostgres.Database database = TestPostgres.newDatabase();
        PaymentId payment = PaymentId.random();

        try (ConfigurableApplicationContext first = start(database,
                "--hyperx.stripe.webhook-url=http://127.0.0.1:9/api/v1/webhooks/stripe")) {
            first.getBean(CommandGateway.class).sendAndWait(new InitiatePaymentCommand(payment, PaymentPurpose.TIP,
                    UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Money.of(2500, "USD"), "pm_card_visa"));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await("payment intent created", () -> jdbc.queryForObject(
                    "SELECT count(*) FROM subscription.provider_payment WHERE payment_id = ?", Long.class,
                    payment.value()), count -> count == 1);
            assertThat(succeeded(jdbc, payment)).isZero();
        }

        try (ConfigurableApplicationContext second = start(database)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);

            await("payment settled after the restart", () -> succeeded(jdbc, payment), count -> count > 0);

            await("delivery recorded", () -> jdbc.queryForObject(
                    "SELECT outcome FROM subscription.simulator_webhook WHERE payment_id = ?", String.class,
                    payment.value()), "DELIVERED"::equals);
            assertThat(succeeded(jdbc, payment)).isEqualTo(1);
        }
    }

    private static long succeeded(JdbcTemplate jdbc, PaymentId payment) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%.PaymentSucceeded'""", Long.class,
                payment.toString());
    }

    private ConfigurableApplicationContext start(TestPostgres.Database database, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--hyperx.database.home=" + home,
                "--hyperx.stripe.poll-interval=200ms"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(HyperxApplication.class).run(args.toArray(String[]::new));
    }
}
