package io.hyperx.notification.email;

import io.hyperx.identity.api.PublicEndpoint;
import io.hyperx.kernel.DomainException;
import io.hyperx.notification.outbox.Channel;
import io.hyperx.notification.preferences.NotificationPreferences;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Map;

/**
 * The unsubscribe link of non-transactional e-mail: turns that category's e-mail off for the account the link was
 * signed for. POST is the one-click form of RFC 8058 ({@code List-Unsubscribe-Post}); GET is the link people click.
 */
@RestController
class UnsubscribeController {

    private final UnsubscribeLinks links;
    private final NotificationPreferences preferences;
    private final Clock clock;

    UnsubscribeController(UnsubscribeLinks links, NotificationPreferences preferences, Clock clock) {
        this.links = links;
        this.preferences = preferences;
        this.clock = clock;
    }

    @GetMapping(UnsubscribeLinks.PATH)
    @PublicEndpoint
    Map<String, Object> unsubscribeByLink(@RequestParam String token) {
        return unsubscribe(token);
    }

    @PostMapping(UnsubscribeLinks.PATH)
    @PublicEndpoint
    Map<String, Object> unsubscribe(@RequestParam String token) {
        UnsubscribeLinks.Target target = links.read(token).orElseThrow(() -> DomainException.invalid(
                "unsubscribe_link_invalid", "This unsubscribe link is not valid (changed or cut short)."));
        preferences.set(target.accountId(), target.category(), Channel.EMAIL, false, clock.instant());
        return Map.of("category", target.category(), "channel", Channel.EMAIL, "enabled", false);
    }
}
