package io.hyperx.notification;

import io.hyperx.app.subscription.SubscriptionScenario;
import io.hyperx.subscription.api.InitiatePaymentCommand;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.application.DueJobSweeper;
import jakarta.mail.internet.MimeMessage;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The e-mails people receive, as an SMTP server (GreenMail) receives them. */
class NotificationEmailIT extends NotificationHttpSupport {

    @Autowired
    MeterRegistry meters;

    @Autowired
    DueJobSweeper subscriptionSweeper;

    private String link(UUID account, String template) {
        return await(template + " link", () -> jdbc.queryForList("SELECT link FROM identity.outgoing_message "
                        + "WHERE account_id = ? AND template = ? ORDER BY created_at DESC", String.class, account,
                template), links -> !links.isEmpty()).get(0);
    }

    @Test
    void theVerificationMailCarriesTheLinkThatVerifiesTheAddress() {
        Session fan = register("fan");
        String email = emailOf(fan.id());

        MimeMessage mail = awaitMail(email, "Confirm your e-mail address");
        String link = link(fan.id(), "verify_email");
        assertThat(link).startsWith("http").contains("/verify-email?token=");
        assertThat(part(mail, "text/plain")).contains(link).contains("Hi Test fan");
        assertThat(part(mail, "text/html")).contains("href=\"" + link + "\"");
        assertThat(header(mail, "List-Unsubscribe")).as("security mail cannot be unsubscribed").isNull();
        assertThat(jdbc.queryForObject("SELECT data::text FROM notification.outbox WHERE recipient = ? "
                + "AND template = 'verify_email'", String.class, fan.id().toString()))
                .as("the one-time link is not kept once sent").isEqualTo("{}");

        Response verified = post("/api/v1/auth/verify-email",
                body("token", link.substring(link.indexOf("token=") + "token=".length())));
        assertThat(verified.status()).as(verified.raw()).isBetween(200, 204);
        assertThat(mails(email)).hasSize(1);
        assertThat(meters.counter("hyperx.notifications", "channel", "email", "outcome", "delivered").count())
                .isPositive();
    }

    @Test
    void thePasswordResetMailCarriesTheResetLink() {
        Session fan = register("fan");
        String email = emailOf(fan.id());
        assertThat(post("/api/v1/auth/forgot-password", body("email", email)).status()).isEqualTo(202);

        MimeMessage mail = awaitMail(email, "Reset your HyperX password");
        assertThat(part(mail, "text/plain")).contains(link(fan.id(), "reset_password"));
    }

    @Test
    void aSucceededPaymentSendsAReceiptAndAFailedOneAWayToFixIt() {
        Session fan = register("fan");
        Session creator = register("creator");
        String email = emailOf(fan.id());
        PaymentId paid = pay(fan.id(), creator.id(), 1_234);

        MimeMessage receipt = awaitMail(email, "Receipt: 12.34 USD paid");
        assertThat(part(receipt, "text/plain")).contains("Amount: 12.34 USD").contains(paid.value().toString())
                .contains("For: product purchase");
        assertThat(header(receipt, "List-Unsubscribe")).as("receipts are transactional").isNull();

        commands.sendAndWait(new InitiatePaymentCommand(PaymentId.random(), PaymentPurpose.PRODUCT_PURCHASE,
                UUID.randomUUID(), fan.id(), creator.id(), usd(500), "pm_card_chargeDeclined"));
        MimeMessage failed = awaitMail(email, "Your payment of 5.00 USD did not go through");
        assertThat(part(failed, "text/plain")).contains("generic decline")
                .contains("https://hyperx.test/account/payment-methods");
    }

    @Test
    void subscribingWelcomesTheFanAndTellsTheCreatorWithAnUnsubscribeLink() {
        Session fan = register("fan");
        Session creator = register("creator");
        TierId tier = tier(creator.id(), "Gold circle", 900);
        UUID subscription = subscribe(fan, tier);

        MimeMessage welcome = awaitMail(emailOf(fan.id()), "Welcome to Gold circle");
        assertThat(part(welcome, "text/plain")).contains("https://hyperx.test/subscriptions/"
                + subscription);
        awaitMail(emailOf(fan.id()), "Receipt: 9.00 USD paid");

        MimeMessage member = awaitMail(emailOf(creator.id()), "New member: Gold circle");
        String unsubscribe = header(member, "List-Unsubscribe");
        assertThat(unsubscribe).startsWith("<https://hyperx.test/api/v1/notifications/unsubscribe?token=");
        assertThat(header(member, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(part(member, "text/plain")).contains(unsubscribe.substring(1, unsubscribe.length() - 1));
        assertThat(part(member, "text/html")).contains("Unsubscribe</a>");
    }

    @Test
    void aTipTellsTheCreator() {
        Session fan = register("fan");
        Session creator = register("creator");
        Response tip = post("/api/v1/fans/tips", body("creatorId", creator.id(), "amount", money(300),
                "paymentMethodId", "pm_card_visa"), fan.auth("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(tip.status()).as(tip.raw()).isEqualTo(201);

        MimeMessage mail = awaitMail(emailOf(creator.id()), "You received a tip of 3.00 USD");
        assertThat(part(mail, "text/plain")).doesNotContain(fan.id().toString());
    }

    @Test
    void aCompletedPayoutTellsTheCreatorWhatArrives() {
        Session creator = register("creator");
        pay(UUID.randomUUID(), creator.id(), 10_000);
        awaitBalance(creator, b -> minor(b, "pending") == 9_080, "net in pending");
        awaitJob(creator.id(), "RELEASE_HOLD");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        sweeper.runDue(clock.instant());
        awaitBalance(creator, b -> minor(b, "available") == 9_080, "hold released");
        registerBank(creator);
        Response payout = post("/api/v1/creators/payouts", body("amount", money(5_000)),
                creator.auth("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(payout.status()).as(payout.raw()).isEqualTo(201);
        awaitJob(creator.id(), "PAYOUT");
        sweeper.runDue(clock.instant());
        clock.advance(Duration.ofSeconds(10));
        sweeper.runDue(clock.instant());

        MimeMessage mail = awaitMail(emailOf(creator.id()), "Payout sent: 49.50 USD");
        assertThat(part(mail, "text/plain")).contains("Amount: 50.00 USD").contains("Fee: 0.50 USD");
    }

    @Test
    void aFailedRenewalWarnsOfTheGracePeriodAndItsEndTellsTheFanTheMembershipEnded() {
        Session fan = register("fan");
        Session creator = register("creator");
        String email = emailOf(fan.id());
        UUID subscription = subscribe(fan, tier(creator.id(), "Silver circle", 500));
        awaitMail(email, "Welcome to Silver circle");
        SubscriptionScenario renewals = new SubscriptionScenario(commands, queries, jdbc, subscriptionSweeper);

        Response changed = put("/api/v1/fans/subscriptions/" + subscription,
                body("paymentMethodId", "pm_card_chargeDeclinedInsufficientFunds"), fan.auth());
        assertThat(changed.status()).as(changed.raw()).isBetween(200, 204);
        renewals.awaitJob(subscription, "RENEW");
        renewals.timeTravel(subscription, "RENEW", null);
        MimeMessage grace = awaitMail(email, "Action needed: your membership renewal failed");
        assertThat(part(grace, "text/plain")).contains("You keep access until")
                .contains("https://hyperx.test/subscriptions/" + subscription + "/payment-method");

        renewals.awaitJob(subscription, "END_GRACE");
        renewals.timeTravel(subscription, "RETRY", 1);
        renewals.timeTravel(subscription, "END_GRACE", null);
        MimeMessage expired = awaitMail(email, "Your membership has ended");
        assertThat(part(expired, "text/plain")).contains("the renewal could not be paid");
    }

    @Test
    void aPayoutTheBankRefusesTellsTheCreatorTheMoneyIsBack() {
        Session creator = register("creator");
        fundedAndReleased(creator, 10_000, 9_080);
        registerBank(creator);
        // 14.27 - 0.14 instant fee = 14.13 to the bank: the payout simulator always refuses it
        Response payout = post("/api/v1/creators/payouts", body("amount", money(1_427)),
                creator.auth("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(payout.status()).as(payout.raw()).isEqualTo(201);
        awaitJob(creator.id(), "PAYOUT");
        // submitted, then its status polled: refused, and with no retries configured here, failed for good
        sweeper.runDue(clock.instant());
        sweeper.runDue(clock.instant().plus(Duration.ofMinutes(1)));

        MimeMessage mail = awaitMail(emailOf(creator.id()), "Payout failed: 14.27 USD is back in your balance");
        assertThat(part(mail, "text/plain")).contains("The amount is back in your available balance");
    }
}
