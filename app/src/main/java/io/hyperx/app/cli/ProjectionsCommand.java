package io.hyperx.app.cli;

import io.hyperx.app.projections.ProjectionStatus;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/** {@code hyperx projections}: each processing group's position, the head, the lag, its state and dead letters. */
@Component
class ProjectionsCommand {

    private final ProjectionStatus status;

    ProjectionsCommand(ProjectionStatus status) {
        this.status = status;
    }

    int run(PrintStream out) {
        out.printf("%-32s %12s %12s %10s %8s %12s  %s%n", "PROCESSING GROUP", "POSITION", "HEAD", "LAG",
                "SEGMENTS", "DEAD LETTERS", "STATE");
        for (ProjectionStatus.Group group : status.groups()) {
            out.printf("%-32s %12d %12d %10d %8d %12d  %s%n", group.name(), group.position(), group.head(),
                    group.lag(), group.segments(), group.deadLetters(), group.state());
        }
        return 0;
    }
}
