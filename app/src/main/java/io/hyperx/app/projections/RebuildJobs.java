package io.hyperx.app.projections;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Projection rebuilds started through the ops API, one at a time on this node, followed by job id. Jobs live in
 * this node's memory: ask the node that started the rebuild.
 */
@Component
class RebuildJobs {

    private static final Logger log = LoggerFactory.getLogger(RebuildJobs.class);

    private final ProjectionReplay replay;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();

    RebuildJobs(ProjectionReplay replay) {
        this.replay = replay;
    }

    Job start(String group) {
        Job job = new Job(UUID.randomUUID(), group, "queued", 0, 0, 0, null, Instant.now(), null);
        jobs.put(job.id(), job);
        runner.submit(() -> run(job));
        return job;
    }

    Optional<Job> find(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(Job job) {
        try {
            ProjectionReplay.Progress done = replay.replay(job.group(),
                    progress -> jobs.put(job.id(), job.running(progress)));
            jobs.put(job.id(), job.running(done).finished("completed", null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jobs.put(job.id(), jobs.get(job.id()).finished("failed", "interrupted"));
        } catch (RuntimeException e) {
            log.warn("Rebuild of {} failed", job.group(), e);
            jobs.put(job.id(), jobs.get(job.id()).finished("failed", e.getMessage()));
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /** A rebuild and how far it has come (events done of total, at events per second). */
    record Job(UUID id, String group, String state, long done, long total, long eventsPerSecond, String error,
               Instant startedAt, Instant finishedAt) {

        Job running(ProjectionReplay.Progress progress) {
            return new Job(id, group, "running", progress.done(), progress.total(),
                    Math.round(progress.eventsPerSecond()), null, startedAt, null);
        }

        Job finished(String finalState, String failure) {
            return new Job(id, group, finalState, done, total, eventsPerSecond, failure, startedAt, Instant.now());
        }
    }
}
