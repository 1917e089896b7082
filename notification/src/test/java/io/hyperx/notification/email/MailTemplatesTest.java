package io.hyperx.notification.email;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @ParameterizedTest
    @ValueSource(strings = {"verify_email", "reset_password", "welcome", "receipt", "payment_failed", "grace_period",
            "subscription_expired", "new_subscriber", "new_tip", "payout_sent", "payout_failed", "new_post"})
    void everyTemplateHasASubjectATextAndAnHtmlPart(String template) {
        MailTemplates.Rendered rendered = templates.render(template, Map.of("name", "Ada"));
        assertThat(rendered.subject()).isNotBlank().doesNotContain("\n").doesNotContain("{{");
        assertThat(rendered.text()).startsWith("Hi Ada,").doesNotContain("{{");
        assertThat(rendered.html()).startsWith("<!DOCTYPE html>").contains("<p>Hi Ada,</p>");
    }

    @Test
    void htmlEscapesValuesButKeepsLinksReadableAndTextStaysRaw() {
        Map<String, Object> model = Map.of("name", "<b>Ada & co</b>", "link", "https://x.test/v?token=a=b");
        MailTemplates.Rendered rendered = templates.render("verify_email", model);
        assertThat(rendered.html()).contains("&lt;b&gt;Ada &amp; co&lt;/b&gt;")
                .contains("href=\"https://x.test/v?token=a=b\"").doesNotContain("<b>Ada");
        assertThat(rendered.text()).contains("<b>Ada & co</b>").contains("https://x.test/v?token=a=b");
    }

    @Test
    void theUnsubscribeFooterAppearsOnlyWithALink() {
        assertThat(templates.render("new_tip", Map.of()).html()).doesNotContain("Unsubscribe");
        assertThat(templates.render("new_tip", Map.of("unsubscribeUrl", "https://x.test/u?token=t",
                "category", "tips")).html()).contains("<a href=\"https://x.test/u?token=t\">Unsubscribe</a>");
    }

    @Test
    void anUnknownTemplateIsRefused() {
        assertThatThrownBy(() -> templates.render("nope", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
