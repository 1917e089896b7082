package io.hyperx.identity.infra;

import io.hyperx.identity.application.AccountService;
import io.hyperx.identity.application.IdentitySettings;
import io.hyperx.kernel.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the admin account named by {@code HYPERX_ADMIN_EMAIL} / {@code HYPERX_ADMIN_PASSWORD} at startup, once:
 * when an account with that e-mail exists nothing changes (its password is not reset).
 */
@Component
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;
    private final IdentitySettings settings;

    AdminBootstrap(AccountService accounts, IdentitySettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureAdmin() {
        IdentitySettings.Admin admin = settings.admin();
        if (!admin.configured()) {
            return;
        }
        try {
            accounts.ensureAdmin(admin.email(), admin.password()).ifPresentOrElse(
                    id -> log.info("Created the bootstrap admin account {}", id),
                    () -> log.info("The bootstrap admin account exists already"));
        } catch (DomainException refused) {
            if (!"email_taken".equals(refused.code())) {
                throw refused;
            }
            // Another node created it at the same moment: its e-mail claim won.
            log.info("The bootstrap admin account was created by another node");
        }
    }
}
