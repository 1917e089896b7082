package io.hyperx.app.bench;

import com.sun.net.httpserver.HttpServer;
import io.hyperx.app.HyperxApplication;
import io.hyperx.app.projections.ProjectionReplay;
import io.hyperx.app.projections.ProjectionStatus;
import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.InitiatePaymentCommand;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The payment-flow benchmark: HyperX on a real PostgreSQL (synchronous_commit on) against plain JDBC transactions
 * writing as many rows as one flow writes, on the same server, same clients, same duration. A flow is a signed
 * {@code payment_intent.succeeded} webhook for a payment initiated beforehand, counted once its ledger entry is
 * in the economy projection.
 */
final class PaymentFlowHarness {

    private static final String WEBHOOK_SECRET = "whsec_benchmark_secret_0123456789abcdef";
    private static final Duration LONGEST_WARM_UP = Duration.ofSeconds(10);

    private final Settings settings;
    private final EmbeddedPostgres postgres;
    private final String url;
    private final JdbcTemplate jdbc;

    /** Starts the benchmark's own PostgreSQL 17, durable like production: fsync and synchronous_commit on. */
    PaymentFlowHarness(Settings settings) throws IOException {
        this.settings = settings;
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder();
        if (StatementStats.ENABLED) {
            server.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        this.postgres = server
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .start();
        this.url = postgres.getJdbcUrl("postgres", "postgres");
        this.jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    /** How big and how long; {@code storeEvents} > 0 also grows the store to that size and replays it. */
    record Settings(int creators, int fans, int concurrency, Duration duration, long storeEvents,
                    boolean replayAllGroups) {

        Settings(int creators, int fans, int concurrency, Duration duration) {
            this(creators, fans, concurrency, duration, 0);
        }

        Settings(int creators, int fans, int concurrency, Duration duration, long storeEvents) {
            this(creators, fans, concurrency, duration, storeEvents, true);
        }
    }

    /**
     * One replay: what was replayed, over how many events of the store, in how long, and the CPU time the app and
     * the PostgreSQL processes spent on it.
     */
    record ReplayFigure(String what, long storeEvents, Duration time, CpuTime cpu) {

        double eventsPerSecond() {
            return storeEvents * 1e9 / Math.max(1, time.toNanos());
        }
    }

    /** What one run measured. */
    record Report(Settings settings, long rowsPerFlow, double rawTransactionsPerSecond, long flows,
                  double flowsPerSecond, Latency peakAck, Latency halfPeakAck, Duration catchUp,
                  List<ReplayFigure> replays, String durability) {

        double ratio() {
            return flowsPerSecond / rawTransactionsPerSecond;
        }
    }

    /** Acknowledgement latency percentiles in milliseconds. */
    record Latency(long samples, double p50, double p95, double p99) {

        static Latency of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latency(sorted.length, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99));
        }

        private static double at(long[] sorted, double quantile) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, quantile * sorted.length)] / 1e6;
        }
    }

    Report run() throws Exception {
        AtomicLong simulatorDeliveries = new AtomicLong();
        HttpServer sink = discardingSink(simulatorDeliveries);
        try (ConfigurableApplicationContext app = start(sink.getAddress().getPort())) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            CommandGateway commands = app.getBean(CommandGateway.class);
            ProjectionStatus status = app.getBean(ProjectionStatus.class);
            String durability = jdbc.queryForObject("SHOW synchronous_commit", String.class) + "/"
                    + jdbc.queryForObject("SHOW fsync", String.class);

            int expectedFlows = estimateFlows();
            log("initiating %d payments", expectedFlows);
            ConcurrentLinkedQueue<Intent> intents = new ConcurrentLinkedQueue<>(initiate(commands, expectedFlows));
            awaitSimulatorDrained(simulatorDeliveries, expectedFlows);
            awaitCaughtUp(status);
            log("warming up: firing for %d s, not measured", warmUp().toSeconds());
            awaitLedger(fire(port, intents, warmUp(), 0));
            awaitCaughtUp(status);
            log("%d payments await their webhook; firing for %d s", intents.size(), settings.duration().toSeconds());

            long rowsBefore = rowsWritten();
            long commitsBefore = commits();
            CpuTime cpuBefore = CpuTime.now();
            Phase peak;
            Duration catchUp;
            try (Profile profile = Profile.start("payment-flow");
                 StatementStats statements = StatementStats.start(jdbc, "the peak phase")) {
                peak = fire(port, intents, settings.duration(), 0);
                log("at the last acknowledgement, events behind: %s", status.groups().stream()
                        .map(group -> group.name() + " " + group.lag()).collect(Collectors.joining(", ")));
                catchUp = awaitLedger(peak);
            }
            long flows = peak.fired.size();
            double flowsPerSecond = flows * 1e9 / Math.max(1, peak.lastLedgerNanos - peak.startNanos);
            CpuTime peakCpu = CpuTime.now().minus(cpuBefore);
            log("peak: %d flows in %.1f s (catch-up %d ms); CPU s: app %.1f, PostgreSQL %.1f; %.1f commits per flow",
                    flows, (peak.lastLedgerNanos - peak.startNanos) / 1e9, catchUp.toMillis(), peakCpu.appSeconds(),
                    peakCpu.postgresSeconds(), (commits() - commitsBefore) / (double) Math.max(1, flows));
            awaitCaughtUp(status);
            Thread.sleep(1500);
            long rowsPerFlow = Math.max(1, Math.round((rowsWritten() - rowsBefore) / (double) Math.max(1, flows)));

            log("%d flows, %.0f flows/s, %d rows per flow; half-rate phase", flows, flowsPerSecond, rowsPerFlow);
            Phase half;
            try (Profile profile = Profile.start("half-rate")) {
                half = fire(port, intents, settings.duration().dividedBy(2), flowsPerSecond / 2);
                awaitLedger(half);
            }
            awaitCaughtUp(status);

            log("raw baseline");
            double raw = rawBaseline((int) rowsPerFlow);
            log("%.0f raw tx/s; replaying every processing group", raw);

            ProjectionReplay replay = app.getBean(ProjectionReplay.class);
            List<ReplayFigure> replays = new ArrayList<>(replays(replay, status, "events the run produced", true));
            if (settings.storeEvents() > 0) {
                growStore(app);
                replays.addAll(replays(replay, status, "bulk-loaded store", true));
            }

            return new Report(settings, rowsPerFlow, raw, flows, flowsPerSecond, Latency.of(peak.latencies()),
                    Latency.of(half.latencies()), catchUp, replays, durability);
        } finally {
            sink.stop(0);
            postgres.close();
        }
    }

    /**
     * Every group together, then ({@code eachAlone}) the subscription and economy groups each alone (issue #8's
     * figure). Each time runs from the reset to the moment every group had handled the head; the replay then waits
     * for the stored tokens to show it, which is bookkeeping, not replay work.
     */
    private List<ReplayFigure> replays(ProjectionReplay replay, ProjectionStatus status, String store,
                                       boolean eachAlone) throws InterruptedException {
        long events = eventCount();
        List<String> groups = status.groups().stream().map(ProjectionStatus.Group::name).filter(replay::exists)
                .toList();
        List<ReplayFigure> figures = new ArrayList<>();
        if (settings.replayAllGroups()) {
            log("replaying %d groups together over %,d events", groups.size(), events);
            CpuTime cpuBefore = CpuTime.now();
            Collection<ProjectionReplay.Progress> done;
            try (Profile profile = Profile.start("all-groups");
                 StatementStats statements = StatementStats.start(jdbc, "all groups, " + store)) {
                done = replay.replayAll(groups, progress -> { }).values();
            }
            done.forEach(group -> log("  %s caught up after %.1f s", group.group(), group.elapsedNanos() / 1e9));
            figures.add(new ReplayFigure("all " + groups.size() + " groups together, " + store, events,
                    Duration.ofNanos(done.stream().mapToLong(ProjectionReplay.Progress::elapsedNanos).max()
                            .orElseThrow()), CpuTime.now().minus(cpuBefore)));
        }
        for (String group : eachAlone ? List.of("subscription-projections", "economy") : List.<String>of()) {
            log("replaying %s alone; events behind before: %s", group, status.groups().stream()
                    .map(other -> other.name() + " " + other.lag() + " (" + other.state() + ")")
                    .collect(Collectors.joining(", ")));
            CpuTime cpuBefore = CpuTime.now();
            ProjectionReplay.Progress done;
            try (Profile profile = Profile.start(group);
                 StatementStats statements = StatementStats.start(jdbc, group + " alone, " + store)) {
                done = replay.replay(group, progress -> { });
            }
            figures.add(new ReplayFigure(group + " alone, " + store, events, Duration.ofNanos(done.elapsedNanos()),
                    CpuTime.now().minus(cpuBefore)));
        }
        figures.forEach(figure -> log("%s: %,d events in %.1f s = %,.0f events/s; CPU s: app %.1f, PostgreSQL %.1f",
                figure.what(), figure.storeEvents(), figure.time().toMillis() / 1000.0, figure.eventsPerSecond(),
                figure.cpu().appSeconds(), figure.cpu().postgresSeconds()));
        return figures;
    }

    /**
     * Grows the store with {@link EventStoreCloner} while every processor is stopped, then moves their tokens to
     * the new head: the copies are history, so no reaction runs for them; the replays that follow rebuild the
     * projections from all of it.
     */
    private void growStore(ConfigurableApplicationContext app) throws Exception {
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        processors.forEach(StreamingEventProcessor::shutDown);
        long started = System.nanoTime();
        long events = new EventStoreCloner(url).growTo(settings.storeEvents());
        log("store grown to %,d events in %.1f s", events, (System.nanoTime() - started) / 1e9);
        jdbc.execute("ANALYZE domain_event_entry");
        for (StreamingEventProcessor processor : processors) {
            processor.resetTokens(source -> source.createHeadToken());
        }
    }

    private long eventCount() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private static void log(String format, Object... arguments) {
        System.out.printf("[bench] " + format + "%n", arguments);
    }

    /**
     * The webhook path is fired at full rate this long before the measured phases, so that they measure compiled
     * code: without it, in a 20 s peak, the JIT compiler threads and the interpreter took a sixth of the machine's CPU.
     */
    private Duration warmUp() {
        return settings.duration().compareTo(LONGEST_WARM_UP) < 0 ? settings.duration() : LONGEST_WARM_UP;
    }

    private int estimateFlows() {
        long seconds = Math.max(1, settings.duration().toSeconds() + warmUp().toSeconds());
        return (int) Math.min(60_000, 1_000 * seconds * 3 / 2 + 200);
    }

    private ConfigurableApplicationContext start(int sinkPort) {
        return new SpringApplicationBuilder(HyperxApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--hyperx.stripe.webhook-secret=" + WEBHOOK_SECRET,
                "--hyperx.stripe.webhook-url=http://localhost:" + sinkPort + "/discard",
                "--logging.level.root=WARN");
    }

    /** Payments initiated through the public command, charged by the simulator, whose webhooks we send. */
    private List<Intent> initiate(CommandGateway commands, int count) throws Exception {
        List<UUID> creators = IntStream.range(0, settings.creators()).mapToObj(i -> UUID.randomUUID()).toList();
        List<UUID> fans = IntStream.range(0, settings.fans()).mapToObj(i -> UUID.randomUUID()).toList();
        List<PaymentId> payments = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency());
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PaymentId payment = new PaymentId(UUID.randomUUID());
            payments.add(payment);
            UUID creator = creators.get(i % creators.size());
            UUID fan = fans.get(i % fans.size());
            sent.add(pool.submit(() -> commands.sendAndWait(new InitiatePaymentCommand(payment, PaymentPurpose.TIP,
                    UUID.randomUUID(), fan, creator, Money.of(500 + (payment.value().hashCode() & 0x3ff), "USD"),
                    "pm_card_visa"))));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        pool.shutdown();
        List<Intent> intents = new ArrayList<>();
        for (int attempt = 0; attempt < 300 && intents.size() < count; attempt++) {
            Thread.sleep(100);
            intents = jdbc.query("""
                    SELECT p.provider_payment_id, p.payment_id, v.amount_minor
                    FROM subscription.provider_payment p JOIN subscription.payment_view v ON v.id = p.payment_id
                    WHERE v.status = 'INITIATED'""",
                    (row, i) -> new Intent(row.getString(1), row.getObject(2, UUID.class), row.getLong(3)));
        }
        return intents;
    }

    private record Intent(String providerId, UUID paymentId, long amountMinor) {

        String succeededEvent() {
            return """
                    {"id":"evt_bench_%s","object":"event","api_version":"2025-04-30.basil","created":%d,\
                    "type":"payment_intent.succeeded","data":{"object":{"id":"%s","object":"payment_intent",\
                    "amount":%d,"currency":"usd","status":"succeeded","metadata":{"hyperx_payment_id":"%s"}}}}"""
                    .formatted(UUID.randomUUID(), System.currentTimeMillis() / 1000, providerId, amountMinor,
                            paymentId);
        }
    }

    /** One firing phase: which payments were fired, each acknowledgement's latency, and when. */
    private static final class Phase {
        final List<UUID> fired = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<long[]> perThread = java.util.Collections.synchronizedList(new ArrayList<>());
        final long startNanos = System.nanoTime();
        volatile long lastAckNanos;
        volatile long lastLedgerNanos;

        long[] latencies() {
            return perThread.stream().flatMapToLong(Arrays::stream).toArray();
        }
    }

    /** Fires signed webhooks from {@code concurrency} clients for {@code duration}; paced when rate > 0. */
    private Phase fire(int port, ConcurrentLinkedQueue<Intent> intents, Duration duration, double rate)
            throws Exception {
        Phase phase = new Phase();
        URI endpoint = URI.create("http://localhost:" + port + "/api/v1/webhooks/stripe");
        long deadline = phase.startNanos + duration.toNanos();
        AtomicLong sequence = new AtomicLong();
        double intervalNanos = rate > 0 ? 1e9 / rate : 0;
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency());
        List<Future<?>> clients = new ArrayList<>();
        // a blocking client: each request is written and its answer read on the calling thread
        CloseableHttpClient client = HttpClients.custom().disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(settings.concurrency()).setMaxConnPerRoute(settings.concurrency()).build())
                .build();
        for (int c = 0; c < settings.concurrency(); c++) {
            clients.add(pool.submit(() -> {
                long[] latencies = new long[200_000];
                int count = 0;
                while (System.nanoTime() < deadline) {
                    if (intervalNanos > 0) {
                        long due = phase.startNanos + (long) (sequence.getAndIncrement() * intervalNanos);
                        long wait = due - System.nanoTime();
                        if (due > deadline) {
                            break;
                        }
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                    }
                    Intent intent = intents.poll();
                    if (intent == null) {
                        break;
                    }
                    String body = intent.succeededEvent();
                    HttpPost request = new HttpPost(endpoint);
                    request.setHeader("Stripe-Signature", signature(body));
                    request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
                    long sent = System.nanoTime();
                    String refusal = client.execute(request, response -> response.getCode() == 200 ? null
                            : response.getCode() + ": " + EntityUtils.toString(response.getEntity()));
                    long acknowledged = System.nanoTime();
                    if (refusal != null) {
                        throw new IllegalStateException("webhook answered " + refusal);
                    }
                    latencies[count++] = acknowledged - sent;
                    phase.fired.add(intent.paymentId());
                    phase.lastAckNanos = Math.max(phase.lastAckNanos, acknowledged);
                }
                phase.perThread.add(Arrays.copyOf(latencies, count));
                return null;
            }));
        }
        try (client) {
            for (Future<?> future : clients) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return phase;
    }

    private static String signature(String body) {
        long now = System.currentTimeMillis() / 1000;
        try {
            return "t=" + now + ",v1=" + com.stripe.net.Webhook.Util.computeHmacSha256(WEBHOOK_SECRET,
                    now + "." + body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until every fired payment has its ledger entry; answers the time after the last acknowledgement. Each
     * poll asks only for the payments not seen yet, so polling every 10 ms adds little to the database's work.
     */
    private Duration awaitLedger(Phase phase) throws InterruptedException {
        Set<UUID> pending = new HashSet<>(phase.fired);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            pending.removeAll(jdbc.queryForList("SELECT DISTINCT payment_id FROM economy.journal_entry "
                    + "WHERE payment_id = ANY(?)", UUID.class, (Object) pending.toArray(UUID[]::new)));
            if (pending.isEmpty()) {
                phase.lastLedgerNanos = System.nanoTime();
                return Duration.ofNanos(Math.max(0, phase.lastLedgerNanos - phase.lastAckNanos));
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the ledger did not catch up within 2 minutes: " + pending.size() + " of "
                + phase.fired.size() + " payments have no journal entry");
    }

    private static void awaitCaughtUp(ProjectionStatus status) throws InterruptedException {
        for (int attempt = 0; attempt < 3000; attempt++) {
            if (status.groups().stream().allMatch(group -> group.lag() == 0)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("projections did not catch up");
    }

    /** Transactions committed in the benchmark's database so far (PostgreSQL's statistics). */
    private long commits() {
        Long commits = jdbc.queryForObject("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()",
                Long.class);
        return commits == null ? 0 : commits;
    }

    /** Rows inserted, updated or deleted in the benchmark's database so far (PostgreSQL's statistics). */
    private long rowsWritten() {
        Long rows = jdbc.queryForObject("SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) "
                + "FROM pg_stat_user_tables", Long.class);
        return rows == null ? 0 : rows;
    }

    /** Plain JDBC: transactions of {@code rows} single-row inserts, same clients, same duration. */
    private double rawBaseline(int rows) throws Exception {
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_raw (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                + "aggregate_id UUID NOT NULL, payload JSONB NOT NULL)");
        String payload = "{\"paymentId\":\"" + UUID.randomUUID() + "\",\"gross\":{\"amountMinor\":500,"
                + "\"currency\":\"USD\"},\"occurredAt\":\"2026-11-23T12:00:00Z\"}";
        long deadline = System.nanoTime() + settings.duration().toNanos();
        AtomicLong transactions = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency());
        List<Future<?>> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < settings.concurrency(); c++) {
            clients.add(pool.submit(() -> {
                try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                     PreparedStatement insert = connection.prepareStatement(
                             "INSERT INTO bench_raw (aggregate_id, payload) VALUES (?, CAST(? AS jsonb))")) {
                    connection.setAutoCommit(false);
                    while (System.nanoTime() < deadline) {
                        for (int r = 0; r < rows; r++) {
                            insert.setObject(1, UUID.randomUUID());
                            insert.setString(2, payload);
                            insert.executeUpdate();
                        }
                        connection.commit();
                        transactions.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : clients) {
            future.get();
        }
        pool.shutdown();
        return transactions.get() * 1e9 / (System.nanoTime() - start);
    }

    /**
     * The simulator's own webhooks (one per initiated payment) go to the sink from a queue; firing starts once they
     * have all arrived, so that setup work does not share the CPU with the measured phase.
     */
    private static void awaitSimulatorDrained(AtomicLong deliveries, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (deliveries.get() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Stripe simulator delivered only " + deliveries.get() + " of "
                        + expected + " webhooks to the sink within 5 minutes");
            }
            Thread.sleep(50);
        }
    }

    private static HttpServer discardingSink(AtomicLong received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            received.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

}
