package io.hyperx.notification.webhook;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_first";
    private static final String BODY = "{\"id\":\"evt\",\"type\":\"webhook.test\"}";
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private final Instant now = Instant.parse("2026-11-23T18:00:00Z");

    @Test
    void theHeaderIsTimestampThenOneHmacOfTimestampDotBodyPerSecret() throws Exception {
        long t = now.getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + BODY).getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.header(t, BODY, List.of(SECRET))).isEqualTo("t=" + t + ",v1=" + expected);
        assertThat(WebhookSignature.header(t, BODY, List.of(SECRET, "whsec_second")))
                .matches("t=" + t + ",v1=" + expected + ",v1=[0-9a-f]{64}");
    }

    @Test
    void aReceiverAcceptsItsSecretWithinTheTolerance() {
        String header = WebhookSignature.header(now.getEpochSecond(), BODY, List.of(SECRET));
        assertThat(WebhookSignature.verify(header, BODY, SECRET, TOLERANCE, now)).isTrue();
        assertThat(WebhookSignature.verify(header, BODY, SECRET, TOLERANCE, now.plus(TOLERANCE))).isTrue();
        assertThat(WebhookSignature.verify(header, BODY, SECRET, TOLERANCE, now.minus(TOLERANCE))).isTrue();
    }

    @Test
    void aReceiverRefusesAnOldOrFutureTimestamp() {
        String header = WebhookSignature.header(now.getEpochSecond(), BODY, List.of(SECRET));
        assertThat(WebhookSignature.verify(header, BODY, SECRET, TOLERANCE,
                now.plus(TOLERANCE).plusSeconds(1))).isFalse();
        assertThat(WebhookSignature.verify(header, BODY, SECRET, TOLERANCE,
                now.minus(TOLERANCE).minusSeconds(1))).isFalse();
    }

    @Test
    void aReceiverRefusesAnotherSecretAChangedBodyOrAMovedTimestamp() {
        long t = now.getEpochSecond();
        String header = WebhookSignature.header(t, BODY, List.of(SECRET));
        assertThat(WebhookSignature.verify(header, BODY, "whsec_other", TOLERANCE, now)).isFalse();
        assertThat(WebhookSignature.verify(header, BODY + " ", SECRET, TOLERANCE, now)).isFalse();
        assertThat(WebhookSignature.verify(header.replace("t=" + t, "t=" + (t + 1)), BODY, SECRET, TOLERANCE, now))
                .isFalse();
        assertThat(WebhookSignature.verify("v1=" + WebhookSignature.hmac(SECRET, t, BODY), BODY, SECRET, TOLERANCE,
                now)).as("no timestamp").isFalse();
        assertThat(WebhookSignature.verify(null, BODY, SECRET, TOLERANCE, now)).isFalse();
    }

    @Test
    void duringARotationEitherSecretVerifies() {
        String header = WebhookSignature.header(now.getEpochSecond(), BODY, List.of("whsec_new", SECRET));
        assertThat(WebhookSignature.verify(header, BODY, "whsec_new", TOLERANCE, now)).isTrue();
        assertThat(WebhookSignature.verify(header, BODY, SECRET, TOLERANCE, now)).isTrue();
        assertThat(WebhookSignature.verify(header, BODY, "whsec_unknown", TOLERANCE, now)).isFalse();
    }
}
