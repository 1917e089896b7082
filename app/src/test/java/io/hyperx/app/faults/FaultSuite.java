package io.hyperx.app.faults;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./hyperx faults}: the whole fault suite (issue 18), printed as a table; fails when any row did not hold.
 * Not part of {@code verify} (its name ends in neither Test nor IT; {@link FaultSuiteSmokeIT} is the small version
 * that is). Sized by {@code -Dfaults.storm} (10,000 payments), {@code -Dfaults.late} (1,000 of them with events
 * created 72 h ago), {@code -Dfaults.deliveries} (5), {@code -Dfaults.appKills} (20), {@code -Dfaults.databaseKills}
 * (5), {@code -Dfaults.cutSeconds} (30), {@code -Dfaults.clients} (8), {@code -Dfaults.poison} (true); ports
 * {@code -Dfaults.appPort}, {@code -Dfaults.databasePort} (each +1 for the cut scenario's app and database) and
 * {@code -Dfaults.proxyPort}, free ones when unset.
 */
class FaultSuite {

    @Test
    void run() throws Exception {
        FaultHarness harness = new FaultHarness(new FaultHarness.Settings(
                Integer.getInteger("faults.storm", 10_000), Integer.getInteger("faults.late", 1_000),
                Integer.getInteger("faults.deliveries", 5), Integer.getInteger("faults.appKills", 20),
                Integer.getInteger("faults.databaseKills", 5),
                Duration.ofSeconds(Integer.getInteger("faults.cutSeconds", 30)), Duration.ofSeconds(3),
                Duration.ofSeconds(30), Integer.getInteger("faults.clients", 8),
                Boolean.parseBoolean(System.getProperty("faults.poison", "true")),
                Integer.getInteger("faults.appPort", 0), Integer.getInteger("faults.databasePort", 0),
                Integer.getInteger("faults.proxyPort", 0)));
        List<FaultHarness.Row> rows = harness.run();
        System.out.println();
        System.out.println(FaultReport.markdown(rows, "Fault suite, " + LocalDate.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, load average at the end "
                + Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " (app logs in " + harness.directory()
                + ")"));
        assertThat(rows).as("every row held").allMatch(FaultHarness.Row::held);
    }
}
