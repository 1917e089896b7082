package io.hyperx.app.health;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Reads the invariant checks of {@code health.schema_health_check}: each view returns its violating rows. */
@Component
public class SchemaHealth {

    private final JdbcTemplate jdbc;

    SchemaHealth(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Check> checks() {
        return jdbc.query("""
                        SELECT check_name, context, is_passing, violation_count, sample_ids, detail
                        FROM health.schema_health_check ORDER BY context, check_name""",
                (row, i) -> new Check(row.getString("check_name"), row.getString("context"),
                        row.getBoolean("is_passing"), row.getLong("violation_count"),
                        strings(row.getArray("sample_ids")), row.getString("detail")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** One invariant: passing when its view returns no rows; {@code sampleIds} name a few violating rows. */
    public record Check(String checkName, String context, boolean passing, long violationCount,
                        List<String> sampleIds, String detail) {
    }
}
