package io.hyperx.app.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Watches the database from one background thread: every {@code interval} it starts the embedded PostgreSQL again
 * if its postmaster died, then asks the database for its version on a connection of its own. Health endpoints read the last answer
 * ({@link #status()}) and never wait on the database themselves; a check that has not answered within
 * {@code answerWithin} counts as down. When the database is back after being down, the pool drops its old
 * connections and the event processors that were backing off after errors start again at once (Axon's own retry
 * waits up to a minute).
 */
public final class DatabaseWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);
    private static final int PROBE_TIMEOUT_SECONDS = 1;

    private final HikariDataSource dataSource;
    private final EmbeddedDatabase embedded;
    private final Supplier<EventProcessingConfiguration> processors;
    private final Duration answerWithin;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread watch = new Thread(runnable, "database-watch");
        watch.setDaemon(true);
        return watch;
    });

    private volatile Status last = new Status(false, "not checked yet");
    private volatile long checkStartedNanos;
    private volatile boolean checking;
    private boolean wasDown;
    private Connection probe;
    private final Set<String> toRestart = new HashSet<>();

    DatabaseWatch(HikariDataSource dataSource, EmbeddedDatabase embedded,
                  Supplier<EventProcessingConfiguration> processors, Duration interval, Duration answerWithin) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.processors = processors;
        this.answerWithin = answerWithin;
        check();
        thread.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The database as last seen: down when the check in progress has not answered within {@code answerWithin}. */
    public Status status() {
        long waited = System.nanoTime() - checkStartedNanos;
        if (checking && waited > answerWithin.toNanos()) {
            return new Status(false, "no answer for " + waited / 1_000_000 + " ms");
        }
        return last;
    }

    private void check() {
        checkStartedNanos = System.nanoTime();
        checking = true;
        try {
            boolean restarted = embedded != null && embedded.restartIfStopped();
            String version;
            try {
                version = serverVersion();
            } catch (SQLException e) {
                // a postmaster killed a moment ago: its connections fail before it is seen gone
                if (embedded == null || !embedded.restartIfStopped()) {
                    throw e;
                }
                restarted = true;
                version = serverVersion();
            }
            if (wasDown || restarted) {
                wasDown = true;
                recovered();
                wasDown = false;
            }
            last = new Status(true, "PostgreSQL " + version);
        } catch (Exception e) {
            if (!wasDown) {
                log.warn("The database is unreachable: {}", e.toString());
            }
            wasDown = true;
            last = new Status(false, "unreachable: " + e.getClass().getSimpleName());
        } finally {
            checking = false;
        }
    }

    /** Asked on a connection of its own, so that a busy or broken pool does not delay the answer. */
    private String serverVersion() throws SQLException {
        try {
            if (probe == null) {
                probe = connect();
            }
            try (Statement statement = probe.createStatement()) {
                statement.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
                try (ResultSet row = statement.executeQuery("SHOW server_version")) {
                    row.next();
                    return row.getString(1);
                }
            }
        } catch (SQLException e) {
            closeProbe();
            throw e;
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.putAll(dataSource.getDataSourceProperties());
        properties.setProperty("user", dataSource.getUsername());
        properties.setProperty("password", dataSource.getPassword() == null ? "" : dataSource.getPassword());
        properties.setProperty("connectTimeout", Integer.toString(PROBE_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", Integer.toString(PROBE_TIMEOUT_SECONDS * 2));
        properties.setProperty("ApplicationName", "hyperx-database-watch");
        return DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
    }

    private void closeProbe() {
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException e) {
                // already broken
            }
            probe = null;
        }
    }

    /**
     * The pool gives a connection again (its own retry backs off up to 5 s), then the processors that failed meanwhile
     * start again. Throws while the pool cannot serve yet, and the next check tries again.
     */
    private void recovered() throws SQLException {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        if (pool != null) {
            pool.softEvictConnections();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(PROBE_TIMEOUT_SECONDS);
        }
        processors.get().eventProcessors().values().stream()
                .filter(processor -> processor.isRunning() && processor.isError())
                .forEach(processor -> toRestart.add(processor.getName()));
        List<EventProcessor> stopping = processors.get().eventProcessors().values().stream()
                .filter(processor -> toRestart.contains(processor.getName()))
                .toList();
        try {
            CompletableFuture.allOf(stopping.stream().map(EventProcessor::shutdownAsync)
                    .toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Event processors did not stop within 10 s; starting them anyway", e);
        }
        for (EventProcessor processor : stopping) {
            processor.start();
            toRestart.remove(processor.getName());
        }
        log.warn("The database answers again; {} event processor(s) restarted", stopping.size());
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeProbe();
    }

    /** Whether the database answered, and its version or why not. */
    public record Status(boolean up, String detail) {
    }
}
