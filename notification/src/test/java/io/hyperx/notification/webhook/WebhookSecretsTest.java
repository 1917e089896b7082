package io.hyperx.notification.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSecretsTest {

    @TempDir
    Path home;

    private static WebhookSettings withKey(String key) {
        return new WebhookSettings(false, key, null, null, null);
    }

    @Test
    void aSecretIsWhsecAnd32RandomBytes() {
        WebhookSecrets secrets = new WebhookSecrets(withKey(null), home);
        String secret = secrets.generate();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getUrlDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        assertThat(secrets.generate()).isNotEqualTo(secret);
    }

    @Test
    void storedSecretsAreEncryptedAndReadableWithTheSameKeyOnly() {
        WebhookSecrets secrets = new WebhookSecrets(withKey(null), home);
        String secret = secrets.generate();
        String stored = secrets.encrypt(secret);

        assertThat(stored).doesNotContain(secret.substring("whsec_".length()));
        assertThat(secrets.encrypt(secret)).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThat(new WebhookSecrets(withKey(null), home).decrypt(stored)).as("key kept in the home directory")
                .isEqualTo(secret);
        assertThat(Files.exists(home.resolve(WebhookSecrets.KEY_FILE))).isTrue();

        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> new WebhookSecrets(withKey(otherKey), home).decrypt(stored))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConfiguredKeyMustBe32Bytes() {
        assertThatThrownBy(() -> new WebhookSecrets(withKey(Base64.getEncoder().encodeToString(new byte[16])), home))
                .isInstanceOf(IllegalStateException.class);
    }
}
