package io.hyperx.app.health;

import io.hyperx.app.projections.ProjectionReplay;
import io.hyperx.app.projections.ProjectionStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.function.LongSupplier;

/**
 * Exposes the invariant checks and the projections' lag as gauges ({@code hyperx_invariant_violations{check}},
 * {@code hyperx_projection_lag_events{group}}), refreshed on a schedule so a scrape never runs the checks itself.
 * While a replay runs here the checks keep their last figures: they would compare half-rebuilt projections (false
 * violations), and on a large store they cost the replay a good part of PostgreSQL's CPU. Several checks read the
 * whole event store, so they run at most a twentieth of the time: after a run that took {@code d}, the next one waits
 * at least {@code 19 d} (on 1,000,000 events a run takes several seconds).
 */
@Component
@EnableScheduling
@ConditionalOnWebApplication
class HealthMetrics {

    private static final Logger log = LoggerFactory.getLogger(HealthMetrics.class);
    private static final int CHECKS_SHARE_OF_TIME = 20;

    private final SchemaHealth schemaHealth;
    private final ProjectionStatus projections;
    private final ProjectionReplay replay;
    private final MultiGauge violations;
    private final MultiGauge lag;
    private final LongSupplier nanoTime;
    private long checksDue;

    @Autowired
    HealthMetrics(SchemaHealth schemaHealth, ProjectionStatus projections, ProjectionReplay replay,
                  MeterRegistry meters) {
        this(schemaHealth, projections, replay, meters, System::nanoTime);
    }

    HealthMetrics(SchemaHealth schemaHealth, ProjectionStatus projections, ProjectionReplay replay,
                  MeterRegistry meters, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.checksDue = nanoTime.getAsLong();
        this.schemaHealth = schemaHealth;
        this.projections = projections;
        this.replay = replay;
        this.violations = MultiGauge.builder("hyperx.invariant.violations")
                .description("Rows violating each schema invariant check (0 = passing)")
                .register(meters);
        this.lag = MultiGauge.builder("hyperx.projection.lag.events")
                .description("Events between a processing group's position and the head of the event store")
                .register(meters);
    }

    @Scheduled(initialDelayString = "${hyperx.health.metrics-interval:15s}",
            fixedDelayString = "${hyperx.health.metrics-interval:15s}")
    void refresh() {
        try {
            long started = nanoTime.getAsLong();
            if (!replay.running() && started - checksDue >= 0) {
                refreshViolations();
                checksDue = started + (nanoTime.getAsLong() - started) * CHECKS_SHARE_OF_TIME;
            }
            lag.register(projections.groups().stream()
                    .map(group -> MultiGauge.Row.of(Tags.of("group", group.name()), group.lag()))
                    .toList(), true);
        } catch (RuntimeException e) {
            log.warn("Could not refresh health metrics: {}", e.getMessage());
        }
    }

    private void refreshViolations() {
        violations.register(schemaHealth.checks().stream()
                .map(check -> MultiGauge.Row.of(Tags.of("check", check.checkName(), "context", check.context()),
                        check.violationCount()))
                .toList(), true);
    }
}
