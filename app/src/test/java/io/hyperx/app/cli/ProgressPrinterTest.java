package io.hyperx.app.cli;

import io.hyperx.app.projections.ProjectionReplay.Progress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressPrinterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void rendersDoneTotalRateAndEta() {
        String line = ProgressPrinter.render(new Progress("economy-ledger", 25_000, 100_000, 2 * SECOND));

        assertThat(line).contains("economy-ledger", "25,000/100,000 events", "12,500 events/s", "ETA 0m06s")
                .contains("[" + "#".repeat(7) + ".".repeat(23) + "]");
    }

    @Test
    void terminalRedrawsOneLineAndEndsItWhenDone() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(buffer, true, StandardCharsets.UTF_8), true);

        printer.accept(new Progress("g", 10, 20, SECOND));
        printer.accept(new Progress("g", 20, 20, 2 * SECOND));

        String output = buffer.toString(StandardCharsets.UTF_8);
        assertThat(output).startsWith("\r").containsOnlyOnce(System.lineSeparator()).endsWith(System.lineSeparator());
    }

    @Test
    void withoutTerminalPrintsAPlainLineEveryFewSecondsAndTheLast() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(buffer, true, StandardCharsets.UTF_8), false);

        printer.accept(new Progress("g", 1, 100, SECOND));
        printer.accept(new Progress("g", 2, 100, 2 * SECOND));
        printer.accept(new Progress("g", 50, 100, 7 * SECOND));
        printer.accept(new Progress("g", 100, 100, 8 * SECOND));

        String[] lines = buffer.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).contains("1/100");
        assertThat(lines[1]).contains("50/100");
        assertThat(lines[2]).contains("100/100").doesNotContain("\r");
    }
}
