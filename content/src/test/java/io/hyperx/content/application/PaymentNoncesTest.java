package io.hyperx.content.application;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentNoncesTest {

    private static final byte[] SECRET = "test secret".getBytes(StandardCharsets.UTF_8);
    private static final ContentSettings SETTINGS = new ContentSettings(Duration.ofSeconds(10), "",
            Duration.ofMinutes(15), Duration.ofDays(7), 5);
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void aNonceIsValidForItsPostUntilItExpires() {
        UUID post = UUID.randomUUID();
        PaymentNonces.Nonce nonce = new PaymentNonces(SETTINGS, SECRET, Clock.fixed(NOW, ZoneOffset.UTC)).issue(post);

        assertThat(nonce.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(new PaymentNonces(SETTINGS, SECRET, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC))
                .valid(post, nonce.value())).isTrue();
        assertThat(new PaymentNonces(SETTINGS, SECRET, Clock.fixed(NOW.plus(Duration.ofMinutes(16)), ZoneOffset.UTC))
                .valid(post, nonce.value())).isFalse();
    }

    @Test
    void aNonceForAnotherPostTamperedOrSignedElsewhereIsRefused() {
        UUID post = UUID.randomUUID();
        PaymentNonces nonces = new PaymentNonces(SETTINGS, SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
        String nonce = nonces.issue(post).value();

        assertThat(nonces.valid(UUID.randomUUID(), nonce)).isFalse();
        assertThat(nonces.valid(post, "9" + nonce)).isFalse();
        assertThat(nonces.valid(post, "garbage")).isFalse();
        assertThat(new PaymentNonces(SETTINGS, "other".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC)).valid(post, nonce)).isFalse();
    }
}
