package io.hyperx.identity.infra;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The TOTP library against RFC 6238 appendix B, and our verifier's one-step drift window. */
class SamStevensTotpTest {

    private static final String RFC_SECRET = new Base32().encodeToString(
            "12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void generatesTheRfc6238TestVectorsForSha1() throws Exception {
        DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 8);
        assertThat(generator.generate(RFC_SECRET, 59L / 30)).isEqualTo("94287082");
        assertThat(generator.generate(RFC_SECRET, 1111111109L / 30)).isEqualTo("07081804");
        assertThat(generator.generate(RFC_SECRET, 1111111111L / 30)).isEqualTo("14050471");
        assertThat(generator.generate(RFC_SECRET, 1234567890L / 30)).isEqualTo("89005924");
        assertThat(generator.generate(RFC_SECRET, 2000000000L / 30)).isEqualTo("69279037");
        assertThat(generator.generate(RFC_SECRET, 20000000000L / 30)).isEqualTo("65353130");
    }

    @Test
    void acceptsTheCurrentAndAdjacentStepsOnly() throws Exception {
        SamStevensTotp totp = new SamStevensTotp();
        String secret = totp.newSecret();
        DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
        long step = System.currentTimeMillis() / 1000 / 30;

        assertThat(totp.verify(secret, generator.generate(secret, step))).isTrue();
        assertThat(totp.verify(secret, generator.generate(secret, step - 1))).isTrue();
        assertThat(totp.verify(secret, generator.generate(secret, step - 3))).isFalse();
        assertThat(totp.verify(secret, "000000".equals(generator.generate(secret, step)) ? "111111" : "000000"))
                .isFalse();
    }

    @Test
    void reportsWhichStepACodeBelongsTo() throws Exception {
        Instant now = Instant.parse("2026-11-23T12:00:10Z");
        SamStevensTotp totp = new SamStevensTotp(Clock.fixed(now, ZoneOffset.UTC));
        String secret = totp.newSecret();
        DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
        long step = now.getEpochSecond() / 30;

        assertThat(totp.matchingStep(secret, generator.generate(secret, step + 1))).hasValue(step + 1);
        assertThat(totp.matchingStep(secret, generator.generate(secret, step - 1))).hasValue(step - 1);
        assertThat(totp.matchingStep(secret, generator.generate(secret, step + 2))).isEmpty();
        assertThat(totp.matchingStep(secret, "12345")).isEmpty();
        assertThat(totp.matchingStep(null, "123456")).isEmpty();
    }

    @Test
    void theOtpauthUriNamesTheIssuerAndTheSecret() {
        SamStevensTotp totp = new SamStevensTotp();
        String uri = totp.otpauthUri("ABCDEFGHIJKLMNOP", "ada@example.test");
        assertThat(uri).startsWith("otpauth://totp/").contains("secret=ABCDEFGHIJKLMNOP").contains("issuer=HyperX");
    }
}
