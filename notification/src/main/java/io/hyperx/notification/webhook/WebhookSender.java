package io.hyperx.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.notification.outbox.Channel;
import io.hyperx.notification.outbox.ChannelSender;
import io.hyperx.notification.outbox.DeliveryOutcome;
import io.hyperx.notification.outbox.OutboxMessage;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivers webhook messages: a signed JSON POST to the endpoint's URL. 2xx is delivered; 410 Gone is a permanent
 * failure and disables the endpoint; any other answer, a redirect, a timeout or a refused address is retried by the
 * dispatcher until the webhook horizon. The receiver's answer is kept truncated. Connections go only to addresses
 * the {@link WebhookUrlGuard} allows, resolved once per connection by the client itself.
 */
@Component
class WebhookSender implements ChannelSender, DisposableBean {

    static final String EVENT_ID_HEADER = "HyperX-Event-Id";
    static final String EVENT_TYPE_HEADER = "HyperX-Event-Type";
    static final int MAX_RECORDED_BODY = 1000;

    private final WebhookEndpoints endpoints;
    private final WebhookUrlGuard guard;
    private final ObjectMapper json;
    private final Clock clock;
    private final CloseableHttpClient http;

    WebhookSender(WebhookEndpoints endpoints, WebhookUrlGuard guard, WebhookSettings settings, ObjectMapper json,
                  Clock clock) {
        this.endpoints = endpoints;
        this.guard = guard;
        this.json = json;
        this.clock = clock;
        DnsResolver guarded = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return guard.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return guard.resolve(host)[0].getCanonicalHostName();
            }
        };
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guarded)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("HyperX-Webhooks/1")
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public DeliveryOutcome send(OutboxMessage message) {
        Optional<WebhookEndpoints.Target> found = endpoints.target(UUID.fromString(message.recipient()));
        if (found.isEmpty()) {
            return DeliveryOutcome.permanentFailure(null, "endpoint deleted");
        }
        WebhookEndpoints.Target target = found.get();
        if (!target.status().equals("ACTIVE")) {
            return DeliveryOutcome.permanentFailure(null, "endpoint disabled");
        }
        URI url = URI.create(target.url());
        if (!guard.schemeAllowed(url)) {
            return DeliveryOutcome.retry(null, "refused: " + url.getScheme() + " URLs are allowed in development mode only");
        }
        try {
            guard.resolve(url.getHost());
        } catch (WebhookUrlGuard.Refused e) {
            return DeliveryOutcome.retry(null, "refused: " + e.getMessage());
        } catch (UnknownHostException e) {
            return DeliveryOutcome.retry(null, "unresolvable host " + url.getHost());
        }
        String body = body(message);
        HttpPost post = new HttpPost(url);
        post.setHeader(WebhookSignature.HEADER,
                WebhookSignature.header(clock.instant().getEpochSecond(), body, target.secrets()));
        post.setHeader(EVENT_ID_HEADER, String.valueOf(message.data().get("id")));
        post.setHeader(EVENT_TYPE_HEADER, message.template());
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        // closed without draining the rest of the body: a huge or endless answer is cut, its connection dropped
        try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
            int status = response.getCode();
            String answer = read(response.getEntity());
            if (status >= 200 && status < 300) {
                return new DeliveryOutcome(DeliveryOutcome.Kind.DELIVERED, status, answer);
            }
            if (status == 410) {
                endpoints.disable(target.id(), "the receiver answered 410 Gone");
                return DeliveryOutcome.permanentFailure(status, answer);
            }
            return DeliveryOutcome.retry(status, answer);
        } catch (WebhookUrlGuard.Refused e) {
            return DeliveryOutcome.retry(null, "refused: " + e.getMessage());
        } catch (IOException e) {
            return DeliveryOutcome.retry(null, e.toString());
        }
    }

    /** The payload as stored by whoever enqueued it: {@code {id, type, createdAt, data}}. */
    private String body(OutboxMessage message) {
        try {
            return json.writeValueAsString(message.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook payload is not JSON", e);
        }
    }

    private static String read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            return in == null ? "" : new String(in.readNBytes(MAX_RECORDED_BODY), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }
}
