package io.hyperx.app.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/**
 * {@code ./hyperx bench}: runs the payment-flow benchmark, prints its table and writes it to
 * {@code docs/performance.md}. Not part of {@code verify} (its name ends in neither Test nor IT); sized by
 * {@code -Dbench.creators}, {@code -Dbench.fans}, {@code -Dbench.concurrency}, {@code -Dbench.seconds}, {@code -Dbench.storeEvents} (grow the store to that many
 * events and replay it too; {@code ./hyperx bench --replay-million}).
 */
class PaymentFlowBenchmark {

    @Test
    void measure() throws Exception {
        PaymentFlowHarness.Settings settings = new PaymentFlowHarness.Settings(
                Integer.getInteger("bench.creators", 50), Integer.getInteger("bench.fans", 500),
                Integer.getInteger("bench.concurrency", 16), Duration.ofSeconds(Integer.getInteger("bench.seconds", 20)),
                Long.getLong("bench.storeEvents", 0),
                Boolean.parseBoolean(System.getProperty("bench.replayAllGroups", "true")));
        PaymentFlowHarness.Report report = new PaymentFlowHarness(settings).run();
        String table = BenchmarkReport.markdown(report, LocalDate.now().toString(), machine());
        System.out.println(table);
        Path docs = Path.of("..", "docs", "performance.md");
        if (Files.exists(docs)) {
            Files.writeString(docs, BenchmarkReport.document(Files.readString(docs), table));
        }
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB max heap, Java "
                + System.getProperty("java.version") + ", load average at the end " + Files.readString(
                Path.of("/proc/loadavg")).split(" ")[0];
    }
}
