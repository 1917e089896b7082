package io.hyperx.notification.preferences;

import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.notification.outbox.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The caller's notification preferences: every category on every channel (e-mail, in-app), and whether it can be
 * turned off. PUT changes the listed ones, all or none (a transactional category turned off refuses the whole
 * request with 422 {@code transactional_category}).
 */
@RestController
class NotificationPreferencesController {

    private final NotificationPreferences preferences;
    private final Clock clock;

    NotificationPreferencesController(NotificationPreferences preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    @GetMapping("/api/v1/me/notification-preferences")
    @RequiresCapability(Capability.ACCOUNT_SELF)
    Map<String, Object> get(@AuthenticationPrincipal AccountPrincipal principal) {
        return Map.of("data", preferences.of(principal.accountId().value()));
    }

    @PutMapping("/api/v1/me/notification-preferences")
    @RequiresCapability(Capability.ACCOUNT_SELF)
    @Transactional
    Map<String, Object> put(@AuthenticationPrincipal AccountPrincipal principal,
                            @Valid @RequestBody PreferencesRequest request) {
        for (PreferenceChange change : request.preferences()) {
            preferences.set(principal.accountId().value(), change.category(), change.channel(), change.enabled(),
                    clock.instant());
        }
        return get(principal);
    }

    record PreferencesRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull PreferenceChange> preferences) {
    }

    record PreferenceChange(@NotBlank String category, @NotNull Channel channel, @NotNull Boolean enabled) {
    }
}
