package io.hyperx.notification.webhook;

import io.hyperx.kernel.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUrlGuardTest {

    private final WebhookUrlGuard production = new WebhookUrlGuard(new WebhookSettings(false, null, null, null, null));
    private final WebhookUrlGuard development = new WebhookUrlGuard(new WebhookSettings(true, null, null, null, null));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.254", "192.0.0.8", "198.18.0.1",
            "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
            "fec0::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe",
            "2002:c0a8:0101::1"})
    void nonPublicAddressesAreForbidden(String address) throws Exception {
        assertThat(WebhookUrlGuard.forbidden(InetAddress.getByName(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1",
            "192.169.0.1", "2606:4700:4700::1111", "2002:5db8:d70e::1"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(WebhookUrlGuard.forbidden(InetAddress.getByName(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://localhost:8443/hook", "https://[::1]/hook",
            "https://10.0.0.7/hook", "https://192.168.0.10/hook", "https://169.254.169.254/latest/meta-data",
            "https://[::ffff:127.0.0.1]/hook"})
    void productionModeRefusesNonPublicHostsWith422(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOfSatisfying(DomainException.class, problem -> {
            assertThat(problem.status()).isEqualTo(422);
            assertThat(problem.code()).isEqualTo("webhook_url_forbidden_address");
        });
    }

    @Test
    void productionModeRefusesPlainHttp() {
        assertThatThrownBy(() -> production.check("http://93.184.215.14/hook"))
                .isInstanceOfSatisfying(DomainException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.code()).isEqualTo("webhook_url_not_https");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "/relative/path", "ftp://93.184.215.14/x", "https://user:pw@93.184.215.14/x",
            "mailto:someone@example.com"})
    void malformedOrForeignUrlsAreRefused(String url) {
        assertThatThrownBy(() -> development.check(url)).isInstanceOfSatisfying(DomainException.class,
                problem -> assertThat(problem.status()).isEqualTo(422));
    }

    @Test
    void productionModeAcceptsHttpsToAPublicAddress() {
        assertThat(production.check("https://93.184.215.14/hooks/hyperx").getHost()).isEqualTo("93.184.215.14");
    }

    @Test
    void developmentModeAllowsHttpToLoopback() throws Exception {
        assertThat(development.check("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
        assertThat(development.resolve("127.0.0.1")).containsExactly(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void theSendTimeResolverRefusesWhatRegistrationWould() {
        assertThatThrownBy(() -> production.resolve("127.0.0.1")).isInstanceOf(WebhookUrlGuard.Refused.class);
        assertThatThrownBy(() -> production.resolve("localhost")).isInstanceOf(WebhookUrlGuard.Refused.class);
    }
}
