package io.hyperx.app.faults;

import java.util.List;

/** The suite's table, in Markdown: a row per scenario and target, held or not, with what was measured. */
final class FaultReport {

    private FaultReport() {
    }

    static String markdown(List<FaultHarness.Row> rows, String heading) {
        StringBuilder table = new StringBuilder(heading).append("\n\n")
                .append("| scenario | target | held | measured |\n|---|---|---|---|\n");
        for (FaultHarness.Row row : rows) {
            table.append("| ").append(row.scenario()).append(" | ").append(row.target()).append(" | ")
                    .append(row.held() ? "held" : "**not held**").append(" | ")
                    .append(row.measured().replace("|", "/")).append(" |\n");
        }
        long failed = rows.stream().filter(row -> !row.held()).count();
        return table.append("\n").append(failed == 0 ? "Everything held."
                : failed + " of " + rows.size() + " rows did not hold.").append('\n').toString();
    }
}
