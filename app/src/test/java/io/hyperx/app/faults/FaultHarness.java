package io.hyperx.app.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperx.subscription.infra.StripeSignatures;
import io.hyperx.testsupport.TcpProxy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The fault suite: the app as a child process on its embedded PostgreSQL (loopback only), under the faults of
 * issue 18, each scenario bounded in time, each reported as rows of what held. See {@link FaultSuite}.
 */
final class FaultHarness {

    static final String WEBHOOK_SECRET = "whsec_fault_suite_0123456789abcdef";
    static final long POISON_AMOUNT_MINOR = 4_242;
    private static final String ADMIN_EMAIL = "admin@faults.test";
    private static final String ADMIN_PASSWORD = "Fault-Suite-Admin-Passw0rd";
    private static final Duration READY_TARGET = Duration.ofSeconds(10);
    private static final Duration CONVERGED_TARGET = Duration.ofSeconds(30);
    private static final Duration RECOVERY_TARGET = Duration.ofSeconds(10);
    private static final Duration START_BOUND = Duration.ofSeconds(300);
    private static final Duration CONVERGE_BOUND = Duration.ofSeconds(120);

    /** Sizes of a run: 0 leaves a scenario out. */
    record Settings(int stormPayments, int latePayments, int deliveries, int appKills, int databaseKills,
                    Duration cut, Duration loadBetweenFaults, Duration databaseRecoveryBound, int loadClients,
                    boolean poison, int appPort, int databasePort, int proxyPort) {
    }

    /** One line of the table: a scenario, what should hold, what was measured, whether it held. */
    record Row(String scenario, String target, String measured, boolean held) {
    }

    private final Settings settings;
    private final List<Row> rows = new ArrayList<>();
    private final Path directory;

    FaultHarness(Settings settings) throws IOException {
        this.settings = settings;
        this.directory = Files.createTempDirectory("hyperx-faults-");
    }

    Path directory() {
        return directory;
    }

    List<Row> run() throws Exception {
        int appPort = portOr(settings.appPort());
        int databasePort = portOr(settings.databasePort());
        try (StripeRelay relay = new StripeRelay(0)) {
            if (settings.stormPayments() > 0 || settings.poison() || settings.appKills() > 0
                    || settings.databaseKills() > 0) {
                Path home = directory.resolve("home");
                ChildApp app = new ChildApp(directory, appPort, Map.of("HYPERX_HOME", home.toString(),
                        "HYPERX_EMBEDDED_DATABASE_PORT", Integer.toString(databasePort)), appArguments(relay));
                try {
                    log("starting the app (embedded PostgreSQL on port %d, data in %s)", databasePort, home);
                    log("first start ready in %.1f s", app.startAndAwaitReady(START_BOUND).toMillis() / 1000.0);
                    Api api = new Api(app.baseUrl());
                    Books books = new Books("jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres");
                    Cast cast = Cast.register(api, 8, 24);
                    if (settings.stormPayments() > 0) {
                        guarded("webhook storm", () -> storm(api, books, cast, relay));
                    }
                    relay.forwardTo(api);
                    if (settings.poison()) {
                        guarded("poison event", () -> poison(api, books, cast));
                    }
                    if (settings.appKills() > 0 || settings.databaseKills() > 0) {
                        guarded("crashes under load", () -> crashes(app, api, books, cast, home));
                    }
                } finally {
                    app.stop();
                    stopEmbeddedDatabase(home);
                }
            }
            if (!settings.cut().isZero()) {
                guarded("network cut", () -> cut(relay, portOr(settings.proxyPort())));
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------- webhook storm

    private void storm(Api api, Books books, Cast cast, StripeRelay relay) throws Exception {
        int payments = settings.stormPayments() + settings.latePayments();
        relay.hold();
        log("storm: %d tips whose Stripe events the relay keeps", payments);
        TipLoad tips = new TipLoad(api, cast.fans(), cast.creators()).start(settings.loadClients(), payments);
        tips.await(Duration.ofMinutes(20));
        Set<UUID> tipped = tips.acknowledged().stream().map(TipLoad.Tip::paymentId).collect(Collectors.toSet());
        Map<UUID, String> events = awaitHeldEvents(relay, tipped);
        List<String> deliveries = new ArrayList<>();
        long late = Instant.now().minus(Duration.ofHours(72)).getEpochSecond();
        int lateCount = 0;
        for (String event : events.values()) {
            String payload = event;
            if (lateCount < settings.latePayments()) {
                ObjectNode json = (ObjectNode) Api.JSON.readTree(event);
                payload = json.put("created", late).toString();
                lateCount++;
            }
            for (int copy = 0; copy < settings.deliveries(); copy++) {
                deliveries.add(payload);
            }
        }
        Collections.shuffle(deliveries, new Random(18));
        log("storm: delivering %d events (%d created 72 h ago) %d times each, shuffled: %d deliveries",
                events.size(), lateCount, settings.deliveries(), deliveries.size());
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        long started = System.nanoTime();
        parallel(16, deliveries, payload -> {
            Api.Answer answer = api.postRaw("/api/v1/webhooks/stripe", payload, "Content-Type", "application/json",
                    "Stripe-Signature", StripeSignatures.header(payload, WEBHOOK_SECRET,
                            Instant.now().getEpochSecond()));
            statuses.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
        });
        double perSecond = deliveries.size() * 1e9 / (System.nanoTime() - started);
        relay.forwardTo(api);
        awaitTrue(CONVERGE_BOUND, () -> quietly(() -> books.journalEntries(events.keySet()).size() == events.size()));
        Map<UUID, Long> successes = books.successes(events.keySet());
        Map<UUID, Long> entries = books.journalEntries(events.keySet());
        long notOnce = events.keySet().stream().filter(payment -> successes.getOrDefault(payment, 0L) != 1
                || entries.getOrDefault(payment, 0L) != 1).count();
        int fiveXx = statuses.entrySet().stream().filter(entry -> entry.getKey() / 100 == 5)
                .mapToInt(entry -> entry.getValue().get()).sum();
        int noAnswer = statuses.getOrDefault(-1, new AtomicInteger()).get();
        rows.add(new Row("webhook storm", "exactly one effect per payment, 0 5xx",
                "%,d payments (%,d of them created 72 h ago) x %d deliveries, shuffled: %d payments without exactly one PaymentSucceeded and one journal entry; answers %s; %.0f deliveries/s"
                        .formatted(events.size(), lateCount, settings.deliveries(), notOnce, statuses, perSecond),
                events.size() == payments && notOnce == 0 && fiveXx == 0 && noAnswer == 0));
    }

    /** The simulator's {@code payment_intent.succeeded} event for each tipped payment, by payment id. */
    private static Map<UUID, String> awaitHeldEvents(StripeRelay relay, Set<UUID> payments) throws Exception {
        Map<UUID, String> events = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (events.size() < payments.size() && System.nanoTime() < deadline) {
            for (String event : relay.held()) {
                JsonNode json = Api.JSON.readTree(event);
                JsonNode paymentId = json.path("data").path("object").path("metadata").path("hyperx_payment_id");
                if (json.path("type").asText().equals("payment_intent.succeeded") && !paymentId.isMissingNode()
                        && payments.contains(UUID.fromString(paymentId.asText()))) {
                    events.putIfAbsent(UUID.fromString(paymentId.asText()), event);
                }
            }
            Thread.sleep(200);
        }
        return events;
    }

    // ---------------------------------------------------------------------------------------------- poison event

    private void poison(Api api, Books books, Cast cast) throws Exception {
        Api.Session fan = cast.fans().get(0);
        UUID poisoned = api.register("creator").id();
        UUID other = cast.creators().get(0);
        Path poisonSwitch = directory.resolve("poison-switch");
        Files.writeString(poisonSwitch, "on");
        UUID before = acknowledgedTip(api, fan, poisoned, 1_000);
        UUID poison = acknowledgedTip(api, fan, poisoned, POISON_AMOUNT_MINOR);
        UUID after = acknowledgedTip(api, fan, poisoned, 1_100);
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            others.add(acknowledgedTip(api, fan, other, 1_200 + i));
        }
        String letters = "SELECT count(DISTINCT sequence_identifier) FROM dead_letter_entry";
        boolean parked = awaitTrue(Duration.ofSeconds(60), () -> quietly(() -> books.scalar(letters) > 0));
        List<UUID> flowing = new ArrayList<>(others);
        flowing.add(before);
        boolean othersFlowed = awaitTrue(Duration.ofSeconds(60),
                () -> quietly(() -> books.journalEntries(flowing).size() == flowing.size()));
        long sequences = books.scalar(letters);
        long otherGroups = books.scalar(
                "SELECT count(*) FROM dead_letter_entry WHERE processing_group <> 'economy'");
        long poisonJournaled = books.journalEntries(List.of(poison)).getOrDefault(poison, 0L);
        rows.add(new Row("poison event", "only its sequence dead-lettered, everything else flows",
                ("dead-lettered sequences: %d (%d outside the ledger group); tips beside it credited: %s; journal "
                        + "entries of the parked credit meanwhile: %d (the group's other handlers keep their effect)")
                        .formatted(sequences, otherGroups, othersFlowed ? "all" : "not all", poisonJournaled),
                parked && sequences == 1 && otherGroups == 0 && othersFlowed));

        Files.delete(poisonSwitch);
        Api.Session admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        String letter = books.firstDeadLetter();
        Api.Answer retried = letter == null ? new Api.Answer(-1, "no dead letter")
                : api.post("/api/v1/ops/dead-letters/" + letter + "/retry", Map.of(), admin, null);
        List<UUID> poisoned3 = List.of(before, poison, after);
        boolean applied = awaitTrue(Duration.ofSeconds(30), () -> quietly(() ->
                books.journalEntries(poisoned3).size() == 3 && books.scalar(letters) == 0));
        Map<UUID, Long> entries = books.journalEntries(poisoned3);
        long gross = books.scalar("SELECT coalesce(sum(lifetime_gross_minor), 0) FROM economy.wallet WHERE creator_id = ?",
                poisoned);
        long expected = 1_000 + POISON_AMOUNT_MINOR + 1_100;
        rows.add(new Row("poison event", "after the fix, a retry applies it once",
                "retry answered %d; journal entries of the poisoned creator's 3 tips: %s; wallet gross %d (expected %d); dead letters left: %d"
                        .formatted(retried.status(), List.of(entries.getOrDefault(before, 0L),
                                entries.getOrDefault(poison, 0L), entries.getOrDefault(after, 0L)), gross, expected,
                                books.scalar("SELECT count(*) FROM dead_letter_entry")),
                retried.ok() && applied && entries.values().stream().allMatch(count -> count == 1)
                        && gross == expected));
    }

    private static UUID acknowledgedTip(Api api, Api.Session fan, UUID creator, long amountMinor) {
        Api.Answer answer = api.tip(fan, "tip-" + UUID.randomUUID(), creator, amountMinor);
        if (answer.status() != 201) {
            throw new IllegalStateException("tip answered " + answer);
        }
        return UUID.fromString(answer.json().path("paymentId").asText());
    }

    // ---------------------------------------------------------------------------------------------- crashes

    private void crashes(ChildApp app, Api api, Books books, Cast cast, Path home) throws Exception {
        TipLoad load = new TipLoad(api, cast.fans(), cast.creators()).start(settings.loadClients(), 0);
        List<Duration> ready = new ArrayList<>();
        long lastFault = 0;
        for (int kill = 1; kill <= settings.appKills(); kill++) {
            Thread.sleep(settings.loadBetweenFaults().toMillis());
            lastFault = System.nanoTime();
            app.kill9();
            Optional<Duration> readyAfter = app.start(START_BOUND);
            ready.add(readyAfter.orElse(null));
            log("app kill -9 %d of %d: %s; %d tips acknowledged so far", kill, settings.appKills(),
                    seconds(readyAfter), load.acknowledged().size());
        }
        List<String> databaseOutcomes = new ArrayList<>();
        int recoveredAlone = 0;
        long worstRecovery = 0;
        for (int kill = 1; kill <= settings.databaseKills(); kill++) {
            Thread.sleep(settings.loadBetweenFaults().toMillis());
            long postmaster = postmasterPid(home);
            lastFault = System.nanoTime();
            ChildApp.kill9(postmaster);
            Thread.sleep(1_000); // the readiness probe is not asked before the crash is a fact
            boolean recovered = app.awaitReady(settings.databaseRecoveryBound().minusSeconds(1));
            long took = System.nanoTime() - lastFault;
            if (recovered) {
                recoveredAlone++;
                worstRecovery = Math.max(worstRecovery, took);
                databaseOutcomes.add("%.1f s".formatted(took / 1e9));
            } else {
                app.kill9();
                awaitGone(postmaster);
                databaseOutcomes.add("none in %d s, app restarted (%s)".formatted(
                        settings.databaseRecoveryBound().toSeconds(), seconds(app.start(START_BOUND))));
            }
            log("PostgreSQL kill -9 %d of %d: %s", kill, settings.databaseKills(),
                    databaseOutcomes.get(databaseOutcomes.size() - 1));
        }
        load.stop(Duration.ofSeconds(60));
        List<TipLoad.Tip> acknowledged = load.acknowledged();
        long lastFaultAt = lastFault;
        boolean converged = awaitTrue(CONVERGE_BOUND, () -> quietly(() -> books.check(acknowledged).lost() == 0
                && app.status("/health/schema", Duration.ofSeconds(5)) == 200));
        Duration convergence = Duration.ofNanos(System.nanoTime() - lastFaultAt);
        Books.Verdict verdict = books.check(acknowledged);
        int schema = app.status("/health/schema", Duration.ofSeconds(5));
        String answers = "load answers: %d x 201, %d x 500, %d x 503, %d without answer, %d refused (4xx)".formatted(
                load.answered(201), load.answered(500), load.answered(503), load.answered(-1), load.refused());

        if (settings.appKills() > 0) {
            rows.add(new Row("kill -9 app x" + settings.appKills() + " under load",
                    "ready <= " + READY_TARGET.toSeconds() + " s after each restart",
                    ready.stream().map(d -> seconds(Optional.ofNullable(d))).collect(Collectors.joining("; ")),
                    ready.stream().allMatch(d -> d != null && d.compareTo(READY_TARGET) <= 0)));
        }
        if (settings.databaseKills() > 0) {
            rows.add(new Row("kill -9 PostgreSQL x" + settings.databaseKills() + " under load",
                    "back without an app restart <= " + RECOVERY_TARGET.toSeconds() + " s",
                    "recovery per crash: " + String.join("; ", databaseOutcomes),
                    recoveredAlone == settings.databaseKills() && worstRecovery <= RECOVERY_TARGET.toNanos()));
        }
        rows.add(new Row("all crashes", "0 acknowledged tips lost, 0 doubled",
                verdict.describe() + "; " + answers, verdict.lost() == 0 && verdict.doubled() == 0));
        rows.add(new Row("after the last crash", "converged <= " + CONVERGED_TARGET.toSeconds()
                + " s, /health/schema green", converged
                ? "converged %.1f s after the last fault; /health/schema %d".formatted(convergence.toMillis() / 1000.0,
                schema)
                : "not converged %d s after the last fault: %d lost; /health/schema %d".formatted(
                convergence.toSeconds(), verdict.lost(), schema),
                converged && convergence.compareTo(CONVERGED_TARGET) <= 0 && schema == 200));
    }

    private static String seconds(Optional<Duration> ready) {
        return ready.map(d -> "ready in %.1f s".formatted(d.toMillis() / 1000.0))
                .orElse("not ready within " + START_BOUND.toSeconds() + " s");
    }

    private static long postmasterPid(Path home) throws IOException {
        return Long.parseLong(Files.readAllLines(home.resolve("pgdata").resolve("postmaster.pid")).get(0).trim());
    }

    /** Waits (at most 30 s) until the killed postmaster's children have exited, so that a new one may start. */
    private static void awaitGone(long postmaster) throws InterruptedException {
        awaitTrue(Duration.ofSeconds(30), () -> ProcessHandle.allProcesses().noneMatch(process ->
                process.parent().map(parent -> parent.pid() == postmaster).orElse(false)
                        || process.pid() == postmaster));
    }

    private static void stopEmbeddedDatabase(Path home) {
        try {
            if (Files.exists(home.resolve("pgdata").resolve("postmaster.pid"))) {
                long postmaster = postmasterPid(home);
                ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroy); // SIGTERM: smart shutdown
                awaitGone(postmaster);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            log("could not stop the embedded PostgreSQL: %s", e);
        }
    }

    // ---------------------------------------------------------------------------------------------- network cut

    private void cut(StripeRelay relay, int proxyPort) throws Exception {
        Path home = directory.resolve("cut-home");
        try (EmbeddedPostgres database = EmbeddedPostgres.builder()
                .setPort(settings.databasePort() > 0 ? settings.databasePort() + 1 : portOr(0))
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200").start();
             TcpProxy proxy = TcpProxy.start(proxyPort, "127.0.0.1", database.getPort())) {
            ChildApp app = new ChildApp(directory, settings.appPort() > 0 ? settings.appPort() + 1 : portOr(0),
                    Map.of("HYPERX_HOME", home.toString(), "HYPERX_DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres",
                    "HYPERX_DATABASE_USER", "postgres", "HYPERX_DATABASE_PASSWORD", "postgres"),
                    appArguments(relay));
            try {
                log("cut: app on PostgreSQL port %d through the proxy on %d", database.getPort(), proxy.port());
                app.startAndAwaitReady(START_BOUND);
                Api api = new Api(app.baseUrl());
                relay.forwardTo(api);
                Cast cast = Cast.register(api, 4, 8);
                Books books = new Books("jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres");
                TipLoad load = new TipLoad(api, cast.fans(), cast.creators()).start(4, 0);
                Map<Integer, Long> during = new java.util.TreeMap<>();
                Thread.sleep(settings.loadBetweenFaults().toMillis());
                long pid = app.pid();
                long cutAt = System.nanoTime();
                proxy.cut();
                log("cut: database unreachable for %d s", settings.cut().toSeconds());
                while (System.nanoTime() - cutAt < settings.cut().toNanos()) {
                    during.merge(app.status("/health/ready", Duration.ofSeconds(3)), 1L, Long::sum);
                    during.merge(app.status("/health/schema", Duration.ofSeconds(3)), 1L, Long::sum);
                    Thread.sleep(500);
                }
                long restoredAt = System.nanoTime();
                proxy.restore();
                boolean back = awaitTrue(Duration.ofSeconds(60), () -> load.answers().stream()
                        .anyMatch(answer -> answer.atNanos() > restoredAt && answer.status() == 201));
                long firstSuccess = load.answers().stream()
                        .filter(answer -> answer.atNanos() > restoredAt && answer.status() == 201)
                        .mapToLong(TipLoad.Answer::atNanos).min().orElse(System.nanoTime());
                Duration recovery = Duration.ofNanos(firstSuccess - restoredAt);
                load.stop(Duration.ofSeconds(30));
                load.answers().stream()
                        .filter(answer -> answer.atNanos() > cutAt + 500_000_000L && answer.atNanos() < restoredAt)
                        .forEach(answer -> during.merge(answer.status(), 1L, Long::sum));
                long not503 = during.entrySet().stream().filter(entry -> entry.getKey() != 503)
                        .mapToLong(Map.Entry::getValue).sum();
                boolean sameProcess = app.alive() && app.pid() == pid && app.starts() == 1;
                rows.add(new Row("database cut " + settings.cut().toSeconds() + " s (TCP proxy)",
                        "only 503 during the cut",
                        "answers during the cut (tips, /health/ready, /health/schema; -1 none within 3-10 s): " + during,
                        not503 == 0 && !during.isEmpty()));
                boolean converged = awaitTrue(CONVERGE_BOUND, () -> quietly(
                        () -> books.check(load.acknowledged()).lost() == 0));
                Books.Verdict verdict = books.check(load.acknowledged());
                rows.add(new Row("database cut " + settings.cut().toSeconds() + " s (TCP proxy)",
                        "recovery <= " + RECOVERY_TARGET.toSeconds() + " s after it, no restart, 0 lost, 0 doubled",
                        "%s; same process: %s; %s%s".formatted(back ? "first tip accepted %.1f s after the restore"
                                        .formatted(recovery.toMillis() / 1000.0) : "no tip accepted within 60 s",
                                sameProcess ? "yes" : "no", verdict.describe(), converged ? "" : " (not converged)"),
                        back && recovery.compareTo(RECOVERY_TARGET) <= 0 && sameProcess && verdict.lost() == 0
                                && verdict.doubled() == 0));
            } finally {
                app.stop();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- plumbing

    /** Accounts the load uses: creators to tip and fans who tip. */
    private record Cast(List<UUID> creators, List<Api.Session> fans) {

        static Cast register(Api api, int creators, int fans) {
            List<UUID> creatorIds = new ArrayList<>();
            for (int i = 0; i < creators; i++) {
                creatorIds.add(api.register("creator").id());
            }
            List<Api.Session> fanSessions = new ArrayList<>();
            for (int i = 0; i < fans; i++) {
                fanSessions.add(api.register("fan"));
            }
            return new Cast(creatorIds, fanSessions);
        }
    }

    private List<String> appArguments(StripeRelay relay) {
        return List.of(
                "--hyperx.stripe.webhook-secret=" + WEBHOOK_SECRET,
                "--hyperx.stripe.webhook-url=" + relay.url(),
                "--hyperx.identity.admin.email=" + ADMIN_EMAIL,
                "--hyperx.identity.admin.password=" + ADMIN_PASSWORD,
                "--hyperx.identity.argon2-memory-kib=1024",
                "--hyperx.identity.argon2-iterations=1",
                "--hyperx.identity.access-token-ttl=6h",
                "--hyperx.rate-limits.tips.capacity=100000000",
                "--hyperx.rate-limits.register.capacity=100000",
                "--hyperx.rate-limits.login.capacity=100000",
                "--hyperx.economy.fraud.max-payments-per-hour=100000000",
                "--hyperx.economy.fraud.max-amount-per-hour=100000000000.00",
                "--hyperx.economy.fraud.large-payment=100000000000.00",
                "--spring.main.sources=io.hyperxtest.faults.PoisonedLedger",
                "--hyperx.faults.poison-amount-minor=" + POISON_AMOUNT_MINOR,
                "--hyperx.faults.poison-switch=" + directory.resolve("poison-switch"),
                "--logging.level.root=WARN");
    }

    private void guarded(String scenario, Step step) {
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            log("%s did not complete: %s", scenario, e);
            rows.add(new Row(scenario, "completes within its bounds", "did not complete: " + e, false));
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private interface Check {
        boolean get() throws Exception;
    }

    private static boolean quietly(Check check) {
        try {
            return check.get();
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean awaitTrue(Duration bound, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }

    private static <T> void parallel(int threads, List<T> items, java.util.function.Consumer<T> work)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (T item : items) {
                done.add(pool.submit(() -> work.accept(item)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static int portOr(int port) throws IOException {
        if (port > 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void log(String format, Object... arguments) {
        System.out.printf("[faults %s] %s%n", java.time.LocalTime.now().withNano(0), format.formatted(arguments));
    }
}
