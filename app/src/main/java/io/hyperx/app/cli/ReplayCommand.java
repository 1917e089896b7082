package io.hyperx.app.cli;

import io.hyperx.app.projections.ProjectionReplay;
import io.hyperx.app.projections.ProjectionReplay.Progress;
import io.hyperx.app.projections.ProjectionStatus;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** {@code hyperx replay <group>... | --all}: rebuilds projections from the event store, several groups from one read of it. */
@Component
public class ReplayCommand {

    private final ProjectionReplay replay;
    private final ProjectionStatus status;

    ReplayCommand(ProjectionReplay replay, ProjectionStatus status) {
        this.replay = replay;
        this.status = status;
    }

    public int run(List<String> requested, boolean all, PrintStream out, boolean terminal)
            throws InterruptedException {
        List<String> groups = all
                ? status.groups().stream().map(ProjectionStatus.Group::name).filter(replay::exists).toList()
                : requested;
        if (groups.isEmpty()) {
            out.println(all ? "hyperx replay: no processing group to replay"
                    : "hyperx replay: name a processing group or give --all (see ./hyperx projections)");
            return all ? 0 : HyperxCommand.COULD_NOT_RUN;
        }
        List<String> unknown = groups.stream().filter(group -> !replay.exists(group)).toList();
        if (!unknown.isEmpty()) {
            out.println("hyperx replay: no processing group named " + String.join(", ", unknown)
                    + " (see ./hyperx projections)");
            return HyperxCommand.COULD_NOT_RUN;
        }
        long started = System.nanoTime();
        Map<String, Progress> replayed = replay.replayAll(groups, new ProgressPrinter(out, terminal));
        long elapsed = System.nanoTime() - started;
        replayed.values().forEach(done -> out.printf("%s: replayed %,d events in %.1f s (%,.0f events/s)%n",
                done.group(), done.done(), done.elapsedNanos() / 1e9, done.eventsPerSecond()));
        if (replayed.size() > 1) {
            long events = replayed.values().iterator().next().done();
            out.printf("all %d groups together: the store's %,d events in %.1f s (%,.0f events/s)%n",
                    replayed.size(), events, elapsed / 1e9, events * 1e9 / elapsed);
        }
        return 0;
    }
}
