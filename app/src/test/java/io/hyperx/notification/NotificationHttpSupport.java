package io.hyperx.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.hyperx.economy.EconomyHttpSupport;
import io.hyperx.notification.outbox.NotificationDispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * One Spring context for every notification integration test: the economy test app (movable clock, sweeper run by
 * the tests) sending e-mail over SMTP to an in-process GreenMail server, the notification dispatcher run only when a
 * test calls it, retry delays of milliseconds, and webhooks in development mode (http and loopback allowed).
 */
@TestPropertySource(properties = {
        "hyperx.notification.poll-interval=1h",
        "hyperx.notification.email.base-delay=10ms",
        "hyperx.notification.email.max-delay=40ms",
        "hyperx.notification.email.horizon=2s",
        "hyperx.notification.public-base-url=https://hyperx.test",
        // creator webhooks to a receiver on loopback over http (production mode is tested with its own guard)
        "hyperx.notification.webhooks.development=true",
        "hyperx.notification.webhook.base-delay=10ms",
        "hyperx.notification.webhook.max-delay=40ms",
        "hyperx.notification.webhook.horizon=1s",
        // every cached test context keeps a full pool open on the one test server (max_connections 300); six
        // processors x (2 workers + 1) plus the sequential tests fit in 30
        "spring.datasource.hikari.maximum-pool-size=30"
})
public abstract class NotificationHttpSupport extends EconomyHttpSupport {

    protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("hyperx.notification.smtp.host", () -> "127.0.0.1");
        registry.add("hyperx.notification.smtp.port", () -> SMTP.getSmtp().getPort());
        registry.add("hyperx.notification.smtp.starttls", () -> "false");
    }

    @Autowired
    protected NotificationDispatcher dispatcher;
}
