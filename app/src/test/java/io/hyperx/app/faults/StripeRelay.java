package io.hyperx.app.faults;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * Where the app's Stripe simulator delivers its signed events ({@code HYPERX_STRIPE_SIMULATOR_WEBHOOK_URL}). Holding,
 * it keeps each event and acknowledges it, so the suite can deliver it itself (the webhook storm); forwarding, it
 * passes each delivery on to the app's webhook endpoint unchanged and answers what the app answered (503 when the
 * app is not there), so the simulator's own retries run as without the relay.
 */
final class StripeRelay implements AutoCloseable {

    private final HttpServer server;
    private final ConcurrentLinkedQueue<String> held = new ConcurrentLinkedQueue<>();
    private volatile Api target;

    StripeRelay(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Api forwardTo = target;
            int status = 200;
            if (forwardTo == null) {
                held.add(body);
            } else {
                String signature = exchange.getRequestHeaders().getFirst("Stripe-Signature");
                Api.Answer answer = forwardTo.postRaw("/api/v1/webhooks/stripe", body,
                        "Content-Type", "application/json", "Stripe-Signature", signature == null ? "" : signature);
                status = answer.status() < 0 ? 503 : answer.status();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/stripe";
    }

    /** Keeps every event from now on. */
    void hold() {
        target = null;
    }

    /** Passes every event from now on to {@code app}. */
    void forwardTo(Api app) {
        target = app;
    }

    List<String> held() {
        return new ArrayList<>(held);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
