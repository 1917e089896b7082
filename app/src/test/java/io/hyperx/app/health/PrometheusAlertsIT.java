package io.hyperx.app.health;

import io.hyperx.app.FoundationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/prometheus-alerts.yml is valid YAML in Prometheus' rule format and names only metrics the app exposes. */
@FoundationTest
class PrometheusAlertsIT {

    private static final Path ALERTS = Path.of("..", "docs", "prometheus-alerts.yml");
    private static final Pattern METRIC = Pattern.compile("\\b(hyperx_[a-z_]+)\\b");

    @Autowired
    TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void everyRuleIsWellFormedAndNamesAnExposedMetric() throws IOException, InterruptedException {
        Map<String, Object> document;
        try (Reader reader = Files.newBufferedReader(ALERTS)) {
            document = new Yaml().load(reader);
        }
        List<Map<String, Object>> rules = ((List<Map<String, Object>>) document.get("groups")).stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                .toList();
        Set<String> metrics = new LinkedHashSet<>();
        for (Map<String, Object> rule : rules) {
            assertThat(rule).containsKeys("alert", "expr", "labels", "annotations");
            Matcher matcher = METRIC.matcher(String.valueOf(rule.get("expr")));
            assertThat(matcher.find()).as("rule %s names a hyperx metric", rule.get("alert")).isTrue();
            do {
                metrics.add(matcher.group(1));
            } while (matcher.find());
        }
        rejectOneWebhook();

        String scrape = awaitScrapeContaining(metrics);

        assertThat(rules).hasSizeGreaterThanOrEqualTo(6);
        assertThat(scrape).contains("hyperx_payments{", "status=\"SUCCEEDED\"", "hyperx_subscriptions{");
        assertThat(metrics).allSatisfy(metric -> assertThat(scrape).contains(metric));
    }

    private void rejectOneWebhook() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Stripe-Signature", "t=1,v1=forged");
        assertThat(http.postForEntity("/api/v1/webhooks/stripe", new HttpEntity<>("{}", headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private String awaitScrapeContaining(Set<String> metrics) throws InterruptedException {
        String scrape = "";
        for (int attempt = 0; attempt < 100 && !metrics.stream().allMatch(scrape::contains); attempt++) {
            Thread.sleep(100);
            scrape = http.getForObject("/actuator/prometheus", String.class);
        }
        return scrape;
    }
}
