package io.hyperx.economy.infra;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.hyperx.economy.api.PayoutDestinationKind;
import io.hyperx.economy.api.PayoutId;
import io.hyperx.economy.application.PayoutProvider;
import io.hyperx.economy.application.PayoutProvider.Outcome;
import io.hyperx.kernel.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Stripe Connect payout adapter against WireMock playing the Stripe API: what it sends, and the errors. */
class StripePayoutProviderTest {

    static final UUID CREATOR = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final PayoutId PAYOUT = new PayoutId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    static final PayoutProvider.Destination BANK = new PayoutProvider.Destination(PayoutDestinationKind.BANK_ACCOUNT,
            "acct_123", "ba_456");
    static final PayoutProvider.Destination CONNECT =
            new PayoutProvider.Destination(PayoutDestinationKind.STRIPE_CONNECT, "acct_123", "acct_123");

    WireMockServer stripe;
    StripePayoutProvider provider;

    @BeforeEach
    void setUp() {
        stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
        provider = new StripePayoutProvider(PayoutProviderConfiguration.client(
                new PayoutStripeSettings("sk_test_hyperx", stripe.baseUrl(), 1)));
        stripe.stubFor(post(urlEqualTo("/v1/transfers")).willReturn(json(200, """
                {"id": "tr_1", "object": "transfer", "amount": 4950, "currency": "usd", "reversed": false}""")));
    }

    @AfterEach
    void tearDown() {
        stripe.stop();
    }

    static PayoutProvider.Transfer transfer(PayoutProvider.Destination destination, int attempt, boolean instant) {
        return new PayoutProvider.Transfer(PAYOUT, attempt, CREATOR, destination, Money.of(4_950, "USD"), instant);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void aBankAccountIsAttachedToANewConnectedAccountKeepingOnlyIdsAndLast4() {
        stripe.stubFor(post(urlEqualTo("/v1/accounts")).willReturn(json(200, """
                {"id": "acct_new", "object": "account", "type": "express"}""")));
        stripe.stubFor(post(urlEqualTo("/v1/accounts/acct_new/external_accounts")).willReturn(json(200, """
                {"id": "ba_789", "object": "bank_account", "last4": "6789", "account": "acct_new"}""")));

        PayoutProvider.Registered registered = provider.register(CREATOR, PayoutDestinationKind.BANK_ACCOUNT,
                "btok_us_verified", null, null);

        assertThat(registered).isEqualTo(new PayoutProvider.Registered("acct_new", "ba_789", "6789"));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/accounts"))
                .withHeader("Idempotency-Key", equalTo("connect-account-" + CREATOR))
                .withHeader("Authorization", equalTo("Bearer sk_test_hyperx"))
                .withRequestBody(containing("type=express"))
                .withRequestBody(containing("metadata[hyperx_creator_id]=" + CREATOR)));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/accounts/acct_new/external_accounts"))
                .withRequestBody(containing("external_account=btok_us_verified")));
    }

    @Test
    void aConnectAccountIsCreatedOnceAndAnExistingOneIsReused() {
        PayoutProvider.Registered reused = provider.register(CREATOR, PayoutDestinationKind.STRIPE_CONNECT, null,
                "acct_known", null);

        assertThat(reused).isEqualTo(new PayoutProvider.Registered("acct_known", "acct_known", null));
        stripe.verify(0, postRequestedFor(urlEqualTo("/v1/accounts")));
    }

    @Test
    void aConnectAccountAsksForAnOnboardingLinkWhenGivenWhereToReturn() {
        stripe.stubFor(post(urlEqualTo("/v1/accounts")).willReturn(json(200, """
                {"id": "acct_new", "object": "account", "type": "express"}""")));
        stripe.stubFor(post(urlEqualTo("/v1/account_links")).willReturn(json(200, """
                {"object": "account_link", "url": "https://connect.stripe.com/setup/e/acct_new/abc"}""")));

        PayoutProvider.Registered registered = provider.register(CREATOR, PayoutDestinationKind.STRIPE_CONNECT,
                null, null, new PayoutProvider.Onboarding("https://app.hyperx.test/payouts/done",
                        "https://app.hyperx.test/payouts/again"));

        assertThat(registered).isEqualTo(new PayoutProvider.Registered("acct_new", "acct_new", null,
                "https://connect.stripe.com/setup/e/acct_new/abc"));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/account_links"))
                .withRequestBody(containing("account=acct_new"))
                .withRequestBody(containing("type=account_onboarding"))
                .withRequestBody(containing("return_url=https%3A%2F%2Fapp.hyperx.test%2Fpayouts%2Fdone"))
                .withRequestBody(containing("refresh_url=https%3A%2F%2Fapp.hyperx.test%2Fpayouts%2Fagain")));
    }

    @Test
    void aRefusedBankTokenIsARefusedDestination() {
        stripe.stubFor(post(urlEqualTo("/v1/accounts/acct_123/external_accounts")).willReturn(json(400, """
                {"error": {"type": "invalid_request_error", "code": "resource_missing",
                 "message": "No such token: 'btok_bad'"}}""")));

        assertThatThrownBy(() -> provider.register(CREATOR, PayoutDestinationKind.BANK_ACCOUNT, "btok_bad",
                "acct_123", null))
                .isInstanceOf(PayoutProvider.DestinationRefused.class)
                .hasMessageContaining("No such token");
    }

    @Test
    void aBankPayoutTransfersThenPaysOutOnTheConnectedAccountWithKeysFromThePayoutId() {
        stripe.stubFor(post(urlEqualTo("/v1/payouts")).willReturn(json(200, """
                {"id": "po_1", "object": "payout", "status": "pending", "amount": 4950, "currency": "usd"}""")));

        Outcome outcome = provider.submit(transfer(BANK, 0, true));

        assertThat(outcome).isEqualTo(Outcome.pending("po_1"));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/transfers"))
                .withHeader("Idempotency-Key", equalTo("payout-" + PAYOUT + "-transfer"))
                .withHeader("Stripe-Account", absent())
                .withRequestBody(containing("amount=4950"))
                .withRequestBody(containing("currency=usd"))
                .withRequestBody(containing("destination=acct_123"))
                .withRequestBody(containing("metadata[hyperx_payout_id]=" + PAYOUT)));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/payouts"))
                .withHeader("Idempotency-Key", equalTo("payout-" + PAYOUT + "-0"))
                .withHeader("Stripe-Account", equalTo("acct_123"))
                .withRequestBody(containing("destination=ba_456"))
                .withRequestBody(containing("method=instant")));
    }

    @Test
    void aRetryIsANewStripePayoutButTheSameTransfer() {
        stripe.stubFor(post(urlEqualTo("/v1/payouts")).willReturn(json(200, """
                {"id": "po_2", "object": "payout", "status": "in_transit"}""")));

        provider.submit(transfer(BANK, 2, false));

        stripe.verify(postRequestedFor(urlEqualTo("/v1/transfers"))
                .withHeader("Idempotency-Key", equalTo("payout-" + PAYOUT + "-transfer")));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/payouts"))
                .withHeader("Idempotency-Key", equalTo("payout-" + PAYOUT + "-2"))
                .withRequestBody(containing("method=standard")));
    }

    @Test
    void aConnectPayoutIsPaidByItsTransfer() {
        assertThat(provider.submit(transfer(CONNECT, 0, true))).isEqualTo(Outcome.paid("tr_1"));
        stripe.verify(0, postRequestedFor(urlEqualTo("/v1/payouts")));
    }

    @Test
    void pollingReadsThePayoutOnTheConnectedAccount() {
        stripe.stubFor(get(urlEqualTo("/v1/payouts/po_1")).willReturn(json(200, """
                {"id": "po_1", "object": "payout", "status": "paid"}""")));
        stripe.stubFor(get(urlEqualTo("/v1/payouts/po_2")).willReturn(json(200, """
                {"id": "po_2", "object": "payout", "status": "failed", "failure_code": "account_closed"}""")));
        stripe.stubFor(get(urlEqualTo("/v1/payouts/po_3")).willReturn(json(200, """
                {"id": "po_3", "object": "payout", "status": "in_transit"}""")));

        assertThat(provider.status(transfer(BANK, 0, true), "po_1")).isEqualTo(Outcome.paid("po_1"));
        assertThat(provider.status(transfer(BANK, 0, true), "po_2"))
                .isEqualTo(Outcome.failed("po_2", "account_closed"));
        assertThat(provider.status(transfer(BANK, 0, true), "po_3")).isEqualTo(Outcome.pending("po_3"));
        stripe.verify(getRequestedFor(urlEqualTo("/v1/payouts/po_1")).withHeader("Stripe-Account", equalTo("acct_123")));
    }

    @Test
    void aStripeRefusalIsAFailedAttempt() {
        stripe.stubFor(post(urlEqualTo("/v1/payouts")).willReturn(json(400, """
                {"error": {"type": "invalid_request_error", "code": "balance_insufficient",
                 "message": "You have insufficient funds in your Stripe account."}}""")));

        assertThat(provider.submit(transfer(BANK, 0, true))).isEqualTo(Outcome.failed(null, "balance_insufficient"));
    }

    @Test
    void aServerErrorIsRetriedByTheClientThenReportedUnavailable() {
        stripe.stubFor(post(urlEqualTo("/v1/transfers")).willReturn(json(500, """
                {"error": {"type": "api_error", "message": "Something went wrong on Stripe's end."}}""")));

        assertThatThrownBy(() -> provider.submit(transfer(BANK, 0, true)))
                .isInstanceOf(PayoutProvider.Unavailable.class);
        // max-network-retries = 1: the first call and one retry, with the same key
        stripe.verify(2, postRequestedFor(urlEqualTo("/v1/transfers"))
                .withHeader("Idempotency-Key", equalTo("payout-" + PAYOUT + "-transfer")));
        stripe.verify(0, postRequestedFor(urlEqualTo("/v1/payouts")));
    }

    @Test
    void aTimeoutOrBrokenConnectionIsUnavailableNotAFailure() {
        stripe.stubFor(post(urlEqualTo("/v1/transfers")).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> provider.submit(transfer(BANK, 0, true)))
                .isInstanceOf(PayoutProvider.Unavailable.class);
    }

    @Test
    void aSlowStripeTimesOutAsUnavailable() {
        StripePayoutProvider impatient = new StripePayoutProvider(com.stripe.StripeClient.builder()
                .setApiKey("sk_test_hyperx").setApiBase(stripe.baseUrl()).setMaxNetworkRetries(0)
                .setReadTimeout(200).build());
        stripe.stubFor(get(urlEqualTo("/v1/payouts/po_slow")).willReturn(json(200, """
                {"id": "po_slow", "object": "payout", "status": "paid"}""").withFixedDelay(2_000)));

        assertThatThrownBy(() -> impatient.status(transfer(BANK, 0, true), "po_slow"))
                .isInstanceOf(PayoutProvider.Unavailable.class);
    }
}
