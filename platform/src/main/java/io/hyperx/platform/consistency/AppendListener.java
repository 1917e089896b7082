package io.hyperx.platform.consistency;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the event store's readers on every node when events are committed: the event table's insert trigger sends
 * {@code NOTIFY hyperx_events} with the highest global index of the statement (delivered at commit), and this
 * listener, holding one connection on {@code LISTEN}, passes it to {@link WakingEventStore#wake}. Polling stays as
 * the fallback: every {@code fallbackPoll} the readers look anyway, and a lost connection is opened again.
 */
public final class AppendListener implements SmartLifecycle {

    public static final String CHANNEL = "hyperx_events";
    private static final Logger log = LoggerFactory.getLogger(AppendListener.class);
    private static final int LISTEN_TIMEOUT_MILLIS = 500;

    private final DataSource dataSource;
    private final WakingEventStore store;
    private final Duration fallbackPoll;
    private volatile boolean running;
    private Thread listener;
    private ScheduledExecutorService poller;

    public AppendListener(DataSource dataSource, WakingEventStore store, Duration fallbackPoll) {
        this.dataSource = dataSource;
        this.store = store;
        this.fallbackPoll = fallbackPoll;
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "event-append-listener");
        listener.setDaemon(true);
        listener.start();
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-fallback-poll");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(store::poke, fallbackPoll.toMillis(), fallbackPoll.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        poller.shutdownNow();
        listener.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                store.poke();
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(LISTEN_TIMEOUT_MILLIS);
                    long highest = -1;
                    for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                        highest = Math.max(highest, parse(notification.getParameter()));
                    }
                    if (highest >= 0) {
                        store.wake(highest);
                    }
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("Listening for appended events failed ({}); readers poll every {} ms until it is back",
                            e.getMessage(), fallbackPoll.toMillis());
                    pause();
                }
            }
        }
    }

    private static long parse(String payload) {
        try {
            return Long.parseLong(payload);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
