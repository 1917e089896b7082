package io.hyperx.identity.infra;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import io.hyperx.identity.application.TotpCodes;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.OptionalLong;

/**
 * TOTP through {@code dev.samstevens.totp}: SHA-1, 6 digits, 30 s steps, one step of drift either way. The matching
 * step is reported so the caller can refuse a code whose step was already used (replay).
 */
@Component
class SamStevensTotp implements TotpCodes {

    static final String ISSUER = "HyperX";
    static final int PERIOD_SECONDS = 30;
    static final int DRIFT_STEPS = 1;

    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
    private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
    private final Clock clock;

    SamStevensTotp() {
        this(Clock.systemUTC());
    }

    SamStevensTotp(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String newSecret() {
        return secrets.generate();
    }

    @Override
    public String otpauthUri(String secret, String accountLabel) {
        return new QrData.Builder().label(accountLabel).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build().getUri();
    }

    @Override
    public OptionalLong matchingStep(String secret, String code) {
        if (secret == null || code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
        OptionalLong match = OptionalLong.empty();
        for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
            if (constantTimeEquals(codeAt(secret, step), code) && match.isEmpty()) {
                match = OptionalLong.of(step);
            }
        }
        return match;
    }

    private String codeAt(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("cannot compute a TOTP code", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
