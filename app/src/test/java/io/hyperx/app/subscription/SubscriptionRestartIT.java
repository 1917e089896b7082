package io.hyperx.app.subscription;

import io.hyperx.app.HyperxApplication;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.BillingInterval;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.RecordSubscriptionPaymentSucceededCommand;
import io.hyperx.subscription.api.StartSubscriptionCommand;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.application.DueJobSweeper;
import io.hyperx.subscription.domain.SubscriptionPaymentIds;
import io.hyperx.testsupport.TestPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A renewal scheduled before a restart runs after it: the schedule lives in the database, not in memory. */
class SubscriptionRestartIT {

    @TempDir
    Path home;

    @Test
    void aRenewalScheduledBeforeARestartRunsAfterIt() {
        TestPostgres.Database database = TestPostgres.newDatabase();
        SubscriptionId subscription = SubscriptionId.random();

        try (ConfigurableApplicationContext first = start(database)) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(new StartSubscriptionCommand(subscription, UUID.randomUUID(), UUID.randomUUID(),
                    TierId.random(), 1, Money.of(400, "USD"), BillingInterval.MONTHLY, 0, "pm_card_visa"));
            commands.sendAndWait(new RecordSubscriptionPaymentSucceededCommand(subscription,
                    SubscriptionPaymentIds.initial(subscription), PaymentPurpose.SUBSCRIPTION_INITIAL,
                    Instant.now()));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await("renewal scheduled", () -> jdbc.queryForObject(
                    "SELECT count(*) FROM subscription.scheduled_job WHERE subscription_id = ? AND kind = 'RENEW'",
                    Long.class, subscription.value()), count -> count == 1);
        }

        try (ConfigurableApplicationContext second = start(database)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            jdbc.update("UPDATE subscription.scheduled_job SET due_at = now() - interval '1 second' "
                    + "WHERE subscription_id = ?", subscription.value());

            int ran = second.getBean(DueJobSweeper.class).runDue(Instant.now());

            assertThat(ran).isEqualTo(1);
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM domain_event_entry
                    WHERE aggregate_identifier = ? AND payload_type LIKE '%.SubscriptionRenewalRequested'""",
                    Long.class, subscription.toString())).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start(TestPostgres.Database database) {
        return new SpringApplicationBuilder(HyperxApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password(),
                        "--hyperx.database.home=" + home,
                        // the background sweeper stays out of the way: the test sweeps by hand
                        "--hyperx.subscription.sweep-interval=1h");
    }
}
