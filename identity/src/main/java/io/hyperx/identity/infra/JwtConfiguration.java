package io.hyperx.identity.infra;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.hyperx.identity.application.AccessTokens;
import io.hyperx.identity.application.IdentitySettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/** Access tokens: HS256 JWTs signed and validated by Spring Security's Nimbus codecs (no hand-written parsing). */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

    static final String ROLE_CLAIM = "role";

    @Bean
    SecretKey jwtSigningKey(IdentitySettings settings, @Value("${hyperx.database.home:.hyperx}") Path home) {
        return JwtSigningKey.resolve(settings.jwtSecret(), home);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(jwtSigningKey));
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey, IdentitySettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey).macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer())));
        return decoder;
    }

    @Bean
    AccessTokens accessTokens(JwtEncoder encoder, IdentitySettings settings) {
        return (accountId, role) -> {
            Instant now = Instant.now();
            Instant expiresAt = now.plus(settings.accessTokenTtl());
            JwtClaimsSet claims = JwtClaimsSet.builder()
                    .issuer(settings.issuer())
                    .subject(accountId.toString())
                    .id(UUID.randomUUID().toString())
                    .issuedAt(now)
                    .expiresAt(expiresAt)
                    .claim(ROLE_CLAIM, role.wireName())
                    .build();
            String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                    claims)).getTokenValue();
            return new AccessTokens.Issued(token, expiresAt, settings.accessTokenTtl().toSeconds());
        };
    }
}
