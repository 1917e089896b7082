package io.hyperx.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.hyperx.economy.EconomyHttpSupport;
import io.hyperx.kernel.Money;
import io.hyperx.notification.outbox.NotificationDispatcher;
import io.hyperx.subscription.api.BillingInterval;
import io.hyperx.subscription.api.CreateTierCommand;
import io.hyperx.subscription.api.FindTierQuery;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.api.TierView;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

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
        // a refused payout fails for good at once, so its e-mail needs no retry schedule
        "hyperx.economy.payout-max-retries=0",
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

    @Autowired
    protected QueryGateway queries;

    protected String emailOf(UUID account) {
        return jdbc.queryForObject("SELECT email FROM identity.account WHERE account_id = ?", String.class, account);
    }

    /** Runs the dispatcher until an e-mail to {@code to} whose subject starts with {@code subject} arrived. */
    protected MimeMessage awaitMail(String to, String subject) {
        return await("e-mail '" + subject + "' to " + to, () -> {
            dispatcher.dispatchDue();
            return mails(to).stream().filter(mail -> subject(mail).startsWith(subject)).findFirst().orElse(null);
        }, Objects::nonNull);
    }

    /** The e-mails GreenMail received for {@code to}. */
    protected static List<MimeMessage> mails(String to) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage mail : SMTP.getReceivedMessages()) {
            try {
                for (Address address : mail.getAllRecipients()) {
                    if (address instanceof InternetAddress internet && internet.getAddress().equalsIgnoreCase(to)) {
                        found.add(mail);
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    protected static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first part of the given type ({@code text/plain}, {@code text/html}) anywhere in the message. */
    protected static String part(MimeMessage mail, String type) {
        try {
            String found = part((Part) mail, type);
            if (found == null) {
                throw new AssertionError("no " + type + " part");
            }
            return found;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    protected static String header(MimeMessage mail, String name) {
        try {
            return mail.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outbox rows for {@code recipient}: template, channel, status. */
    protected List<Map<String, Object>> outboxOf(UUID recipient) {
        return jdbc.queryForList("SELECT template, channel, status, idempotency_key FROM notification.outbox "
                + "WHERE recipient = ? ORDER BY created_at, template, channel", recipient.toString());
    }

    protected TierId tier(UUID creator, String name, long priceMinor) {
        TierId tier = TierId.random();
        commands.sendAndWait(new CreateTierCommand(tier, creator, name, "Monthly posts", Money.of(priceMinor, "USD"),
                BillingInterval.MONTHLY, List.of("posts"), 1, true, null, 0));
        await("tier visible", () -> queries.query(new FindTierQuery(tier.value()),
                ResponseTypes.instanceOf(TierView.class)).join(), view -> view != null);
        return tier;
    }

    /** Subscribes the fan to the tier with a card that pays; answers the subscription id. */
    protected UUID subscribe(Session fan, TierId tier) {
        Response subscribed = post("/api/v1/fans/subscriptions",
                body("tierId", tier.value(), "paymentMethodId", "pm_card_visa"),
                fan.auth("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(subscribed.status()).as(subscribed.raw()).isEqualTo(201);
        return UUID.fromString(subscribed.json().path("id").asText());
    }
}
