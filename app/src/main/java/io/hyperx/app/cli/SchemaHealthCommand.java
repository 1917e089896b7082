package io.hyperx.app.cli;

import io.hyperx.app.health.SchemaHealth;
import io.hyperx.app.health.SchemaHealth.Check;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/** {@code hyperx health}: prints every invariant check; exit code 0 when all pass, 1 otherwise. */
@Component
class SchemaHealthCommand {

    private final SchemaHealth schemaHealth;

    SchemaHealthCommand(SchemaHealth schemaHealth) {
        this.schemaHealth = schemaHealth;
    }

    int run(PrintStream out) {
        List<Check> checks = schemaHealth.checks();
        out.printf("%-40s %-14s %-6s %10s  %s%n", "CHECK", "CONTEXT", "PASS", "VIOLATIONS", "DETAIL");
        for (Check check : checks) {
            out.printf("%-40s %-14s %-6s %10d  %s%n", check.checkName(), check.context(),
                    check.passing() ? "yes" : "NO", check.violationCount(), check.detail());
        }
        return checks.stream().allMatch(Check::passing) ? 0 : 1;
    }
}
