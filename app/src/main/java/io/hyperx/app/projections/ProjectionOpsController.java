package io.hyperx.app.projections;

import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.kernel.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Operations on projections: their status, rebuilds, and the events they failed on. Admins only. */
@RestController
@RequestMapping("/api/v1/ops")
class ProjectionOpsController {

    private static final int MAX_PAGE = 500;

    private final ProjectionStatus status;
    private final ProjectionReplay replay;
    private final RebuildJobs jobs;
    private final DeadLetters deadLetters;

    ProjectionOpsController(ProjectionStatus status, ProjectionReplay replay, RebuildJobs jobs,
                            DeadLetters deadLetters) {
        this.status = status;
        this.replay = replay;
        this.jobs = jobs;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/projections")
    @RequiresCapability("ops:projections")
    Map<String, List<ProjectionStatus.Group>> projections() {
        return Map.of("data", status.groups());
    }

    @PostMapping("/projections/{group}/rebuild")
    @RequiresCapability("ops:projections")
    ResponseEntity<RebuildJobs.Job> rebuild(@PathVariable String group) {
        if (!replay.exists(group)) {
            throw DomainException.notFound("unknown_processing_group", "No processing group named " + group + ".");
        }
        RebuildJobs.Job job = jobs.start(group);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/ops/projections/jobs/" + job.id()))
                .body(job);
    }

    @GetMapping("/projections/jobs/{jobId}")
    @RequiresCapability("ops:projections")
    RebuildJobs.Job job(@PathVariable UUID jobId) {
        return jobs.find(jobId).orElseThrow(() ->
                DomainException.notFound("unknown_job", "No rebuild job " + jobId + " on this node."));
    }

    @GetMapping("/dead-letters")
    @RequiresCapability("ops:dead-letters")
    Map<String, Object> deadLetters(@RequestParam(defaultValue = "100") int limit) {
        List<DeadLetters.Letter> letters = deadLetters.list(Math.max(1, Math.min(limit, MAX_PAGE)));
        return Map.of("data", letters, "meta", Map.of("pagination", Map.of("limit", limit, "count", letters.size())));
    }

    @PostMapping("/dead-letters/{id}/retry")
    @RequiresCapability("ops:dead-letters")
    Map<String, Object> retry(@PathVariable String id) {
        DeadLetters.Letter letter = deadLetters.find(id).orElseThrow(() -> unknownLetter(id));
        boolean processed = deadLetters.retry(letter);
        return Map.of("id", id, "processed", processed);
    }

    @DeleteMapping("/dead-letters/{id}")
    @RequiresCapability("ops:dead-letters")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!deadLetters.delete(id)) {
            throw unknownLetter(id);
        }
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private static DomainException unknownLetter(String id) {
        return DomainException.notFound("unknown_dead_letter", "No dead letter " + id + ".");
    }
}
