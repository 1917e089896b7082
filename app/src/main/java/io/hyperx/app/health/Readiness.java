package io.hyperx.app.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Whether this node can serve: database reachable, every migration applied, every event processor running. */
@Component
class Readiness {

    private final JdbcTemplate jdbc;
    private final Flyway flyway;
    private final EventProcessingConfiguration eventProcessing;

    Readiness(JdbcTemplate jdbc, Flyway flyway, EventProcessingConfiguration eventProcessing) {
        this.jdbc = jdbc;
        this.flyway = flyway;
        this.eventProcessing = eventProcessing;
    }

    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        probes.add(database());
        probes.add(migrations());
        eventProcessing.eventProcessors().values().stream()
                .map(Readiness::processor)
                .forEach(probes::add);
        return probes;
    }

    private Probe database() {
        try {
            String version = jdbc.queryForObject("SHOW server_version", String.class);
            return new Probe("database", true, "PostgreSQL " + version);
        } catch (RuntimeException e) {
            return new Probe("database", false, "unreachable: " + e.getClass().getSimpleName());
        }
    }

    private Probe migrations() {
        try {
            MigrationInfo[] pending = flyway.info().pending();
            MigrationInfo current = flyway.info().current();
            String version = current == null ? "none" : current.getVersion() + " " + current.getDescription();
            return pending.length == 0
                    ? new Probe("migrations", true, "applied up to " + version)
                    : new Probe("migrations", false, pending.length + " pending: "
                            + Arrays.stream(pending).map(MigrationInfo::getScript).toList());
        } catch (RuntimeException e) {
            return new Probe("migrations", false, "cannot read migration history: " + e.getMessage());
        }
    }

    private static Probe processor(EventProcessor processor) {
        boolean healthy = processor.isRunning() && !processor.isError();
        String detail = processor.isError() ? "in error" : processor.isRunning() ? "running" : "stopped";
        if (processor instanceof StreamingEventProcessor streaming) {
            detail += ", " + streaming.processingStatus().size() + " segment(s) claimed here";
        }
        return new Probe("processor:" + processor.getName(), healthy, detail);
    }

    record Probe(String name, boolean up, String detail) {
    }
}
