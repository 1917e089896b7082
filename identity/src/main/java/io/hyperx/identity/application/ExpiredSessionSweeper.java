package io.hyperx.identity.application;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/**
 * Revokes, on a schedule, the refresh tokens that expired unused. The {@code identity_expired_sessions} health
 * check fails when one stays active long past its expiry (the sweeper is not running).
 */
@Component
class ExpiredSessionSweeper {

    private final RefreshTokens refreshTokens;

    ExpiredSessionSweeper(RefreshTokens refreshTokens) {
        this.refreshTokens = refreshTokens;
    }

    @Scheduled(initialDelayString = "${hyperx.identity.session-sweep-interval:1h}",
            fixedDelayString = "${hyperx.identity.session-sweep-interval:1h}")
    @Transactional
    public void revokeExpiredSessions() {
        refreshTokens.revokeExpired(Instant.now());
    }
}
