package io.hyperx.app.projections;

import io.hyperx.app.FoundationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@FoundationTest
@Timeout(120)
class DeferredIndexesIT {

    private static final String ECONOMY = "economy";

    @Autowired
    DeferredIndexes indexes;

    @Autowired
    ProjectionReplay replay;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGroupsTablesAreTheOnesItsProjectionsDeclare() {
        assertThat(indexes.tablesOf(List.of(ECONOMY))).contains("economy.posting", "economy.journal_entry",
                "economy.payer_payment").doesNotContain("subscription.payment_view");
    }

    @Test
    void dropsOnlyTheNonUniqueIndexesAndBuildsThemAgainAsTheyWere() {
        List<String> tables = indexes.tablesOf(List.of(ECONOMY));
        Set<String> before = definitions(tables);
        assertThat(before).anyMatch(definition -> definition.startsWith("CREATE INDEX posting_creator "));

        indexes.drop(tables);

        assertThat(definitions(tables)).isNotEmpty().allMatch(definition -> definition.startsWith("CREATE UNIQUE"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deferred_projection_index", Integer.class))
                .isEqualTo(before.stream().filter(definition -> !definition.startsWith("CREATE UNIQUE")).count());

        indexes.build(tables);

        assertThat(definitions(tables)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deferred_projection_index", Integer.class)).isZero();
    }

    @Test
    void theNextStartBuildsWhatAnUnfinishedRebuildDropped() {
        List<String> tables = indexes.tablesOf(List.of(ECONOMY));
        Set<String> before = definitions(tables);
        indexes.drop(tables); // and the process ends here

        indexes.buildLeftovers();

        assertThat(definitions(tables)).isEqualTo(before);
    }

    @Test
    void aReplayEndsWithTheIndexesItStartedWith() throws InterruptedException {
        List<String> tables = indexes.tablesOf(List.of(ECONOMY));
        Set<String> before = definitions(tables);

        replay.replay(ECONOMY, progress -> { });

        assertThat(definitions(tables)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deferred_projection_index", Integer.class)).isZero();
    }

    private Set<String> definitions(List<String> tables) {
        return Set.copyOf(jdbc.queryForList("""
                SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = ANY (?::regclass[])""",
                String.class, (Object) tables.toArray(String[]::new)));
    }
}
