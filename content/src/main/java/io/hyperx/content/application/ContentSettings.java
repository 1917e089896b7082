package io.hyperx.content.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code hyperx.content.*}: how often scheduled posts are swept, the secret that signs pay-per-view nonces (unset:
 * generated once into {@code ${hyperx.database.home}/content-signing-secret}), how long a nonce is valid, and how
 * long and how often a download token may be used.
 */
@ConfigurationProperties("hyperx.content")
public record ContentSettings(@DefaultValue("10s") Duration publishSweepInterval,
                              @DefaultValue("") String signingSecret,
                              @DefaultValue("15m") Duration paymentNonceTtl,
                              @DefaultValue("7d") Duration downloadTtl,
                              @DefaultValue("5") int downloadMax) {
}
