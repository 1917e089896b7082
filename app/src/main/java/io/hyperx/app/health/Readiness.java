package io.hyperx.app.health;

import io.hyperx.app.database.DatabaseWatch;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Whether this node can serve: database reachable, every migration applied, every event processor running. */
@Component
class Readiness {

    private final DatabaseWatch database;
    private final Flyway flyway;
    private final EventProcessingConfiguration eventProcessing;
    private volatile Probe migrationsApplied;

    Readiness(DatabaseWatch database, Flyway flyway, EventProcessingConfiguration eventProcessing) {
        this.database = database;
        this.flyway = flyway;
        this.eventProcessing = eventProcessing;
    }

    /** Answers without waiting on the database: its state comes from the {@link DatabaseWatch}. */
    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        DatabaseWatch.Status status = database.status();
        probes.add(new Probe("database", status.up(), status.detail()));
        probes.add(status.up() ? migrations() : new Probe("migrations", false, "database unreachable"));
        eventProcessing.eventProcessors().values().stream()
                .map(Readiness::processor)
                .forEach(probes::add);
        return probes;
    }

    /** Once every migration is applied, it stays so for this node's life (its migrations ship with it). */
    private Probe migrations() {
        if (migrationsApplied != null) {
            return migrationsApplied;
        }
        try {
            MigrationInfo[] pending = flyway.info().pending();
            MigrationInfo current = flyway.info().current();
            String version = current == null ? "none" : current.getVersion() + " " + current.getDescription();
            if (pending.length == 0) {
                migrationsApplied = new Probe("migrations", true, "applied up to " + version);
                return migrationsApplied;
            }
            return new Probe("migrations", false, pending.length + " pending: "
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
