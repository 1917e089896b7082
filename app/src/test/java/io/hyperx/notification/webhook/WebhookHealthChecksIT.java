package io.hyperx.notification.webhook;

import io.hyperx.app.health.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook secrets check passes while secrets are stored encrypted and catches one stored as shown. */
class WebhookHealthChecksIT {

    @TempDir
    Path home;

    JdbcTemplate jdbc;
    WebhookSecrets secrets;

    @BeforeEach
    void setUp() {
        jdbc = MigratedDatabase.fresh();
        secrets = new WebhookSecrets(new WebhookSettings(false, null, null, null, null), home);
    }

    @Test
    void encryptedSecretsPass() {
        endpoint(secrets.encrypt(secrets.generate()), secrets.encrypt(secrets.generate()));
        endpoint(secrets.encrypt(secrets.generate()), null);
        assertThat(failing()).isEmpty();
    }

    @Test
    void aSecretStoredAsShownFails() {
        UUID plain = endpoint(secrets.generate(), null);
        UUID plainPrevious = endpoint(secrets.encrypt(secrets.generate()), secrets.generate());

        assertThat(failing()).containsExactly("notification_webhook_secrets_encrypted");
        assertThat(jdbc.queryForList("SELECT id FROM health.notification_webhook_plain_secret_violations",
                String.class)).containsExactlyInAnyOrder(plain.toString(), plainPrevious.toString());
    }

    private List<String> failing() {
        return jdbc.queryForList("""
                SELECT check_name FROM health.schema_health_check
                WHERE check_name = 'notification_webhook_secrets_encrypted' AND NOT is_passing""", String.class);
    }

    private UUID endpoint(String secret, String previous) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                        INSERT INTO notification.webhook_endpoint (id, creator_id, url, event_types, secret,
                                                                   previous_secret, previous_secret_until, status,
                                                                   created_at)
                        VALUES (?, ?, 'https://hooks.example.com/x', '{payment.succeeded}', ?, ?,
                                CASE WHEN ? THEN now() + interval '1 day' END, 'ACTIVE', now())""",
                id, UUID.randomUUID(), secret, previous, previous != null);
        return id;
    }
}
