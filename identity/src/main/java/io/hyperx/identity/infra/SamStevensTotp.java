package io.hyperx.identity.infra;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import io.hyperx.identity.application.TotpCodes;
import org.springframework.stereotype.Component;

/** TOTP through {@code dev.samstevens.totp}: SHA-1, 6 digits, 30 s steps, one step of drift either way. */
@Component
class SamStevensTotp implements TotpCodes {

    static final String ISSUER = "HyperX";

    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
    private final DefaultCodeVerifier verifier;

    SamStevensTotp() {
        CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
        verifier = new DefaultCodeVerifier(generator, new SystemTimeProvider());
        verifier.setTimePeriod(30);
        verifier.setAllowedTimePeriodDiscrepancy(1);
    }

    @Override
    public String newSecret() {
        return secrets.generate();
    }

    @Override
    public String otpauthUri(String secret, String accountLabel) {
        return new QrData.Builder().label(accountLabel).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(30).build().getUri();
    }

    @Override
    public boolean verify(String secret, String code) {
        return verifier.isValidCode(secret, code);
    }
}
