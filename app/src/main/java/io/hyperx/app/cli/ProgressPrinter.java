package io.hyperx.app.cli;

import io.hyperx.app.projections.ProjectionReplay.Progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Shows a replay's progress: a redrawn bar on a terminal (done/total events, events/s, ETA), plain lines every
 * few seconds otherwise (CI logs, pipes).
 */
final class ProgressPrinter implements Consumer<Progress> {

    private static final int WIDTH = 30;
    private static final Duration LINE_INTERVAL = Duration.ofSeconds(5);

    private final PrintStream out;
    private final boolean terminal;
    private long lastLineNanos = -1;

    ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void accept(Progress progress) {
        boolean finished = progress.total() > 0 ? progress.done() >= progress.total() : true;
        if (terminal) {
            out.print("\r" + render(progress) + (finished ? System.lineSeparator() : ""));
            out.flush();
        } else if (finished || lastLineNanos < 0 || progress.elapsedNanos() - lastLineNanos >= LINE_INTERVAL.toNanos()) {
            out.println(render(progress));
            lastLineNanos = progress.elapsedNanos();
        }
    }

    static String render(Progress progress) {
        long total = progress.total();
        long done = Math.min(progress.done(), total);
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        double rate = progress.eventsPerSecond();
        String eta = rate <= 0 ? "--" : formatDuration(Duration.ofSeconds((long) ((total - done) / rate)));
        return String.format("%-24s [%s%s] %,d/%,d events  %,.0f events/s  ETA %s",
                progress.group(), "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, rate, eta);
    }

    private static String formatDuration(Duration duration) {
        return duration.toHours() > 0
                ? String.format("%dh%02dm", duration.toHours(), duration.toMinutesPart())
                : String.format("%dm%02ds", duration.toMinutes(), duration.toSecondsPart());
    }
}
