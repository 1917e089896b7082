package io.hyperx.identity.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSigningKeyTest {

    @Test
    void withoutAConfiguredSecretAKeyIsGeneratedOnceAndKept(@TempDir Path home) throws Exception {
        SecretKey first = JwtSigningKey.resolve("", home);
        SecretKey second = JwtSigningKey.resolve(null, home);

        assertThat(second.getEncoded()).isEqualTo(first.getEncoded());
        Path file = home.resolve(JwtSigningKey.KEY_FILE);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first.getEncoded()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void aConfiguredSecretWinsAndMustBeLongEnough(@TempDir Path home) {
        byte[] secret = new byte[48];
        secret[0] = 7;
        SecretKey key = JwtSigningKey.resolve(Base64.getEncoder().encodeToString(secret), home);
        assertThat(key.getEncoded()).isEqualTo(secret);
        assertThat(home.resolve(JwtSigningKey.KEY_FILE)).doesNotExist();

        assertThatThrownBy(() -> JwtSigningKey.resolve("too-short", home)).isInstanceOf(IllegalStateException.class);
    }
}
