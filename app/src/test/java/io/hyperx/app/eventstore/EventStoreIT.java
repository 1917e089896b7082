package io.hyperx.app.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import io.hyperx.app.FoundationTest;
import io.hyperx.kernel.Money;
import io.hyperxtest.probe.ProbeMessages.DepositToProbe;
import io.hyperxtest.probe.ProbeMessages.OpenProbe;
import io.hyperxtest.probe.ProbeMessages.ProbeDeposited;
import io.hyperxtest.probe.ProbeProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event store on PostgreSQL: JSON payloads, append-only, and the known PostgreSQL traps closed. */
@FoundationTest
class EventStoreIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    EventProcessingConfiguration eventProcessing;

    @Autowired
    ProbeProjection probeProjection;

    @Value("${hyperx.eventstore.gap-timeout-millis}")
    long gapTimeoutMillis;

    @Value("${server.tomcat.threads.max}")
    int httpThreads;

    @Value("${hyperx.processing.initial-segments}")
    int initialSegments;

    @Value("${hyperx.processing.worker-threads}")
    int workerThreadsPerProcessor;

    @Test
    void eventsAreStoredAsJsonThatSqlCanRead() {
        String probe = openProbeWithDeposits(500, 250);

        List<String> amounts = jdbc.queryForList("""
                SELECT payload ->> 'balanceAfterMinor' FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%ProbeDeposited' ORDER BY sequence_number""",
                String.class, probe);
        String currency = jdbc.queryForObject("""
                SELECT payload -> 'amount' ->> 'currency' FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = 1""", String.class, probe);
        String columnType = jdbc.queryForObject("""
                SELECT data_type FROM information_schema.columns
                WHERE table_name = 'domain_event_entry' AND column_name = 'payload'""", String.class);

        assertThat(amounts).containsExactly("500", "750");
        assertThat(currency).isEqualTo("USD");
        assertThat(columnType).isEqualTo("jsonb");
    }

    @Test
    void eventsRoundTripIntoAggregateStateAndBack() {
        String probe = openProbeWithDeposits(100);

        long balance = commands.sendAndWait(new DepositToProbe(probe, Money.of(42, "USD")));
        DomainEventStream stream = eventStore.readEvents(probe);

        assertThat(balance).isEqualTo(142);
        assertThat(stream.asStream().map(message -> message.getPayload()).toList())
                .last().isEqualTo(new ProbeDeposited(probe, Money.of(42, "USD"), 142));
    }

    @Test
    void updateOfAnEventIsRefusedByTheDatabase() {
        String probe = openProbeWithDeposits(1);

        assertThatThrownBy(() -> jdbc.update(
                "UPDATE domain_event_entry SET payload = '{}' WHERE aggregate_identifier = ?", probe))
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void deleteOfAnEventIsRefusedByTheDatabase() {
        String probe = openProbeWithDeposits(1);

        assertThatThrownBy(() -> jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", probe))
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void truncateOfTheEventTableIsRefusedByTheDatabase() {
        openProbeWithDeposits(1);

        assertThatThrownBy(() -> jdbc.execute("TRUNCATE domain_event_entry"))
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isPositive();
    }

    @Test
    void nothingIsStoredAsALargeObject() throws InterruptedException {
        openProbeWithDeposits(7, 8);
        awaitProjected();

        Long largeObjects = jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Long.class);
        List<String> oidColumns = jdbc.queryForList("""
                SELECT table_schema || '.' || table_name || '.' || column_name FROM information_schema.columns
                WHERE data_type = 'oid' AND table_schema NOT IN ('pg_catalog', 'information_schema')""",
                String.class);

        assertThat(largeObjects).isZero();
        assertThat(oidColumns).isEmpty();
    }

    @Test
    void globalIndexComesFromItsOwnSequenceWithoutCachedBlocks() {
        List<Long> indexes = jdbc.queryForList("""
                SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY global_index""", Long.class, openProbeWithDeposits(1, 2, 3));
        Map<String, Object> sequence = jdbc.queryForMap("""
                SELECT increment_by, cache_size FROM pg_sequences
                WHERE schemaname || '.' || sequencename = pg_get_serial_sequence('domain_event_entry', 'global_index')""");

        assertThat(sequence).containsEntry("increment_by", 1L).containsEntry("cache_size", 1L);
        assertThat(indexes.get(indexes.size() - 1) - indexes.get(0)).isEqualTo(indexes.size() - 1);
    }

    @Test
    void databaseTimeoutsEndAnyAppendingTransactionWellInsideTheGapTimeout() {
        long statementTimeout = millis(jdbc.queryForObject("SHOW statement_timeout", String.class));
        long idleInTransactionTimeout = millis(jdbc.queryForObject("SHOW idle_in_transaction_session_timeout",
                String.class));

        assertThat(statementTimeout).isPositive().isLessThanOrEqualTo(gapTimeoutMillis / 2);
        assertThat(idleInTransactionTimeout).isPositive().isLessThanOrEqualTo(gapTimeoutMillis / 2);
    }

    @Test
    void connectionPoolHasRoomForEveryRequestAndProcessorThread() {
        int processors = eventProcessing.eventProcessors().size();
        int processorThreads = processors * (workerThreadsPerProcessor + 1);

        assertThat(processors).isPositive();
        assertThat(dataSource.getMaximumPoolSize()).isGreaterThanOrEqualTo(httpThreads + processorThreads);
    }

    @Test
    void processorsArePooledStreamingWithTheConfiguredSegments() throws InterruptedException {
        openProbeWithDeposits(3);
        awaitProjected();

        assertThat(eventProcessing.eventProcessor(ProbeProjection.GROUP))
                .get().isInstanceOf(PooledStreamingEventProcessor.class);
        Long segments = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?",
                Long.class, ProbeProjection.GROUP);
        assertThat(segments).isEqualTo(initialSegments);
        assertThat(probeProjection.depositsSeen()).isPositive();
    }

    @Test
    void axonTablesArePresent() {
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'""", String.class);

        assertThat(tables).contains("domain_event_entry", "snapshot_event_entry", "token_entry", "saga_entry",
                "association_value_entry", "dead_letter_entry");
    }

    private String openProbeWithDeposits(long... amounts) {
        String probe = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenProbe(probe));
        for (long amount : amounts) {
            commands.sendAndWait(new DepositToProbe(probe, Money.of(amount, "USD")));
        }
        return probe;
    }

    private void awaitProjected() throws InterruptedException {
        long head = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ?",
                Long.class, "%ProbeDeposited");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (probeProjection.depositsSeen() < head && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat((long) probeProjection.depositsSeen()).isEqualTo(head);
    }

    private static long millis(String setting) {
        if (setting.endsWith("ms")) {
            return Long.parseLong(setting.replace("ms", ""));
        }
        if (setting.endsWith("s")) {
            return Long.parseLong(setting.replace("s", "")) * 1000;
        }
        if (setting.endsWith("min")) {
            return Long.parseLong(setting.replace("min", "")) * 60_000;
        }
        return Long.parseLong(setting);
    }
}
