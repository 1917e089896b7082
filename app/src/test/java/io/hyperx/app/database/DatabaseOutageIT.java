package io.hyperx.app.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.kernel.Money;
import io.hyperx.testsupport.TcpProxy;
import io.hyperx.testsupport.TestPostgres;
import io.hyperxtest.probe.ProbeMessages.DepositToProbe;
import io.hyperxtest.probe.ProbeMessages.OpenProbe;
import io.hyperxtest.probe.ProbeProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An external database cut off by the network (a TCP proxy between app and database): requests that need it answer
 * 503 with Retry-After, health answers within a second, and when the network is back the pool and the event
 * processors recover by themselves, without a restart. Cut off again, the app still stops promptly.
 */
class DatabaseOutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCutOffDatabaseGives503sAndTheAppRecoversWhenItIsBack() throws IOException {
        TestPostgres.Database database = TestPostgres.newDatabase();
        Matcher address = Pattern.compile("//([^:/]+):(\\d+)/").matcher(database.url());
        assertThat(address.find()).isTrue();
        try (TcpProxy proxy = TcpProxy.start(0, address.group(1), Integer.parseInt(address.group(2)));
             RunningApp app = RunningApp.start(
                     "spring.datasource.url=" + database.url().replace(":" + address.group(2) + "/",
                             ":" + proxy.port() + "/"),
                     "spring.datasource.username=" + database.user(),
                     "spring.datasource.password=" + database.password())) {
            assertThat(app.get("/health/ready").statusCode()).isEqualTo(200);

            proxy.cut();

            await("readiness reports the database down", () -> app.get("/health/ready").statusCode(),
                    status -> status == 503);
            for (int i = 0; i < 5; i++) {
                assertThat(timed(() -> app.get("/health/ready")).statusCode()).isEqualTo(503);
            }
            assertServiceUnavailable(timed(() -> app.get("/health/schema")));
            assertServiceUnavailable(app.post("/test/probes", "{}"));
            assertServiceUnavailable(app.post("/api/v1/auth/register", """
                    {"email": "outage@hyperx.test", "password": "a long enough passphrase 42",
                     "displayName": "Outage", "role": "fan"}"""));

            proxy.restore();
            long restored = System.nanoTime();

            await("ready again", () -> app.get("/health/ready").statusCode(), status -> status == 200);
            Duration recovery = Duration.ofNanos(System.nanoTime() - restored);
            System.out.println("Ready again " + recovery.toMillis() + " ms after the network came back");
            assertThat(recovery).isLessThan(Duration.ofSeconds(10));
            assertThat(app.post("/test/probes", "{}").statusCode()).isEqualTo(201);
            assertProcessorsHandleNewEvents(app);

            proxy.cut();
            await("readiness reports the database down", () -> app.get("/health/ready").statusCode(),
                    status -> status == 503);
            long stopping = System.nanoTime();
            app.close();
            Duration stop = Duration.ofNanos(System.nanoTime() - stopping);
            System.out.println("Stopped in " + stop.toMillis() + " ms with the database cut off");
            // the target is 10 s (measured 9.2 s at load average 37 on 2 cores); the bound leaves room for slower runs
            assertThat(stop).isLessThan(Duration.ofSeconds(15));
        }
    }

    static void assertProcessorsHandleNewEvents(RunningApp app) {
        ProbeProjection projection = app.bean(ProbeProjection.class);
        CommandGateway commands = app.bean(CommandGateway.class);
        int before = projection.depositsSeen();
        String probe = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenProbe(probe));
        commands.sendAndWait(new DepositToProbe(probe, Money.of(1, "USD")));
        long sent = System.nanoTime();
        await("the deposit projected", projection::depositsSeen, seen -> seen > before);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(10));
    }

    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> request) {
        long started = System.nanoTime();
        HttpResponse<String> response = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("answer time of %s", response.uri()).isLessThan(Duration.ofSeconds(1));
        return response;
    }

    private static void assertServiceUnavailable(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as("status of %s: %s", response.uri(), response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asText()).isEqualTo("service_unavailable");
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }
}
