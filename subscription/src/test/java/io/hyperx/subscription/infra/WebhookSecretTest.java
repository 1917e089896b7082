package io.hyperx.subscription.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSecretTest {

    @TempDir
    Path home;

    @Test
    void anUnsetSecretIsGeneratedOnceAndKeptPrivateUnderTheHome() throws Exception {
        StripeSettings unset = new StripeSettings(null, null, null, null, 0, null, null, null, null);

        String first = new WebhookSecret(unset, home.toString()).value();
        String second = new WebhookSecret(unset, home.toString()).value();

        assertThat(first).startsWith("whsec_").hasSize(6 + 64).isEqualTo(second);
        Path file = home.resolve(WebhookSecret.FILE_NAME);
        assertThat(Files.readString(file)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aConfiguredSecretWinsAndNothingIsWritten() {
        StripeSettings configured = new StripeSettings(null, "whsec_configured", null, null, 0, null, null, null,
                null);

        assertThat(new WebhookSecret(configured, home.toString()).value()).isEqualTo("whsec_configured");
        assertThat(home.resolve(WebhookSecret.FILE_NAME)).doesNotExist();
    }

    @Test
    void theSimulatorDecidesByStripesTestPaymentMethodNames() {
        assertThat(SimulatedStripe.declineCodeOf("pm_card_visa")).isNull();
        assertThat(SimulatedStripe.declineCodeOf("pm_card_mastercard")).isNull();
        assertThat(SimulatedStripe.declineCodeOf("pm_card_chargeDeclined")).isEqualTo("generic_decline");
        assertThat(SimulatedStripe.declineCodeOf("pm_card_chargeDeclinedInsufficientFunds"))
                .isEqualTo("insufficient_funds");
        assertThat(SimulatedStripe.declineCodeOf("tok_visa")).isEqualTo("invalid_payment_method");
    }
}
