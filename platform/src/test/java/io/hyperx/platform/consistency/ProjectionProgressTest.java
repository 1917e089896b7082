package io.hyperx.platform.consistency;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionProgressTest {

    @Test
    void aPositionIsPassedOnlyWhenTheTokenReachedItAndItIsNoGap() {
        assertThat(ProjectionProgress.covers(GapAwareTrackingToken.newInstance(10, new TreeSet<>()), 10)).isTrue();
        assertThat(ProjectionProgress.covers(GapAwareTrackingToken.newInstance(9, new TreeSet<>()), 10)).isFalse();
        assertThat(ProjectionProgress.covers(GapAwareTrackingToken.newInstance(12,
                new TreeSet<>(List.of(10L))), 10)).as("10 not committed when read").isFalse();
        assertThat(ProjectionProgress.covers(null, 0)).isFalse();
    }
}
