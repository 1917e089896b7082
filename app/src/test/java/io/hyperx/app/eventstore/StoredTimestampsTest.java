package io.hyperx.app.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredTimestampsTest {

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 250_000_000_000_000L));
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
        assertThat(StoredTimestamps.parse("2026-11-23T22:57:38.043Z"))
                .isEqualTo(Instant.parse("2026-11-23T22:57:38.043Z"));
        assertThat(StoredTimestamps.parse("2024-02-29T00:00:00.000Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @Test
    void otherLayoutsGoToAxonsParser() {
        assertThat(StoredTimestamps.parse("2026-11-23T22:57:38Z")).isEqualTo(Instant.parse("2026-11-23T22:57:38Z"));
        assertThat(StoredTimestamps.parse("2026-11-23T23:57:38.043+01:00"))
                .isEqualTo(Instant.parse("2026-11-23T22:57:38.043Z"));
        assertThat(StoredTimestamps.parse("2026-11-23T22:57:38.043123Z"))
                .isEqualTo(Instant.parse("2026-11-23T22:57:38.043123Z"));
        assertThatThrownBy(() -> StoredTimestamps.parse("2026-13-23T22:57:38.043Z"))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse("2026-02-30T22:57:38.043Z"))
                .isInstanceOf(java.time.DateTimeException.class);
    }
}
