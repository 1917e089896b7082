package io.hyperx.identity.infra;

import io.hyperx.identity.application.IdentitySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;

/**
 * Passwords are hashed with argon2id (Spring Security's {@link Argon2PasswordEncoder}, BouncyCastle underneath):
 * 16-byte salt, 32-byte hash, parallelism 1, memory and iterations from settings (default 19 MiB, 2 passes, the
 * OWASP minimum). Hashes carry an {@code {argon2}} prefix, so parameters or algorithm can change later. BCrypt is
 * not used for new hashes: it ignores or (in Spring Security 6.5) refuses passwords over 72 bytes, while we accept
 * up to 128 characters.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    static final String ARGON2 = "argon2";

    @Bean
    PasswordEncoder passwordEncoder(IdentitySettings settings) {
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, settings.argon2MemoryKib(),
                settings.argon2Iterations());
        return new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2, argon2, "bcrypt", new BCryptPasswordEncoder()));
    }
}
