package io.hyperx.app.health;

import io.hyperx.app.health.SchemaHealth.Check;
import io.hyperx.app.projections.ProjectionReplay;
import io.hyperx.app.projections.ProjectionStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * While a replay runs, the invariant gauges keep their figures from before it; the lag gauges go on. The checks run at
 * most a twentieth of the time.
 */
class HealthMetricsTest {

    private final SchemaHealth schemaHealth = mock(SchemaHealth.class);
    private final ProjectionStatus projections = mock(ProjectionStatus.class);
    private final ProjectionReplay replay = mock(ProjectionReplay.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicLong now = new AtomicLong();
    private final HealthMetrics metrics = new HealthMetrics(schemaHealth, projections, replay, meters, now::get);

    @Test
    void invariantsAreNotCheckedWhileAReplayRuns() {
        when(schemaHealth.checks()).thenReturn(List.of(check(0)), List.of(check(7)));
        when(projections.groups()).thenReturn(List.of(group(0)), List.of(group(900)), List.of(group(0)));

        metrics.refresh();
        when(replay.running()).thenReturn(true);
        metrics.refresh();

        assertThat(violations()).isZero();
        assertThat(lag()).isEqualTo(900);
        verify(schemaHealth).checks();

        when(replay.running()).thenReturn(false);
        metrics.refresh();

        assertThat(violations()).isEqualTo(7);
        assertThat(lag()).isZero();
    }

    @Test
    void aSlowRunOfTheChecksPutsOffTheNextOne() {
        when(projections.groups()).thenReturn(List.of(group(0)));
        when(schemaHealth.checks()).thenAnswer(call -> {
            now.addAndGet(TimeUnit.SECONDS.toNanos(2));
            return List.of(check(0));
        });

        metrics.refresh();
        now.set(TimeUnit.SECONDS.toNanos(39));
        metrics.refresh();

        verify(schemaHealth, times(1)).checks();

        now.set(TimeUnit.SECONDS.toNanos(40));
        metrics.refresh();

        verify(schemaHealth, times(2)).checks();
    }

    private double violations() {
        return meters.get("hyperx.invariant.violations").tag("check", "economy_wallet_drift").gauge().value();
    }

    private double lag() {
        return meters.get("hyperx.projection.lag.events").tag("group", "economy").gauge().value();
    }

    private static Check check(long violations) {
        return new Check("economy_wallet_drift", "economy", violations == 0, violations, List.of(), "drift");
    }

    private static ProjectionStatus.Group group(long lag) {
        return new ProjectionStatus.Group("economy", 1000 - lag, 1000, lag, lag == 0 ? "live" : "replaying", 2, 0);
    }
}
