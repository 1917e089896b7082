package io.hyperx.app.projections;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where each processing group stands, read without claiming anything: its position (the lowest of its segments,
 * from this node's processor when it holds them all, else from the token store), the head of the event store, the
 * lag, who holds it and its dead letters.
 */
@Component
public class ProjectionStatus {

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration eventProcessing;

    ProjectionStatus(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration eventProcessing) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.eventProcessing = eventProcessing;
    }

    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    public int segmentCount(String group) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?",
                Integer.class, group);
        return count == null ? 0 : count;
    }

    public List<Group> groups() {
        long head = head();
        Map<String, Long> deadLetters = new TreeMap<>();
        jdbc.query("SELECT processing_group, count(*) FROM dead_letter_entry GROUP BY processing_group",
                row -> {
                    deadLetters.put(row.getString(1), row.getLong(2));
                });
        Map<String, List<Segment>> segments = new TreeMap<>();
        jdbc.query("SELECT processor_name, segment, token, token_type, owner, timestamp FROM token_entry",
                row -> {
                    segments.computeIfAbsent(row.getString("processor_name"), name -> new ArrayList<>())
                            .add(new Segment(token(row.getBytes("token"), row.getString("token_type")),
                                    row.getString("owner"), row.getString("timestamp")));
                });
        TreeSet<String> names = new TreeSet<>(eventProcessing.eventProcessors().keySet());
        names.addAll(segments.keySet());
        return names.stream()
                .map(name -> group(name, segments.getOrDefault(name, List.of()), head,
                        deadLetters.getOrDefault(name, 0L)))
                .toList();
    }

    /** The lowest position among the stored tokens of {@code group}, -1 when it has none: what other nodes see. */
    public long storedPosition(String group) {
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                        (row, i) -> position(token(row.getBytes("token"), row.getString("token_type"))), group)
                .stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private Group group(String name, List<Segment> segments, long head, long deadLetters) {
        long position = localPosition(name, segments.size()).orElse(segments.isEmpty() ? -1 : segments.stream()
                .mapToLong(segment -> position(segment.token()))
                .min().orElse(-1));
        // A segment keeps its replay token until it sees an event past the reset point, even once caught up.
        boolean replaying = position < head
                && segments.stream().anyMatch(segment -> segment.token() instanceof ReplayToken);
        List<String> owners = segments.stream()
                .filter(Segment::claimed)
                .map(Segment::owner)
                .distinct().sorted().toList();
        String state = segments.isEmpty() ? "not started"
                : replaying ? "replaying"
                : owners.isEmpty() ? "unclaimed"
                : "claimed by " + String.join(", ", owners);
        return new Group(name, position, head, Math.max(0, head - position), state, segments.size(), deadLetters);
    }

    /** This node's in-memory position when it holds every segment: fresher than the stored tokens. */
    private OptionalLong localPosition(String name, int segmentCount) {
        return eventProcessing.eventProcessor(name, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .filter(claimed -> segmentCount > 0 && claimed.size() == segmentCount)
                .map(claimed -> OptionalLong.of(claimed.values().stream()
                        .mapToLong(status -> status.getCurrentPosition().orElse(-1))
                        .min().orElse(-1)))
                .orElse(OptionalLong.empty());
    }

    private TrackingToken token(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.orElse(-1);
    }

    private record Segment(TrackingToken token, String owner, String timestamp) {
        boolean claimed() {
            return owner != null && timestamp != null
                    && Instant.parse(timestamp).isAfter(Instant.now().minus(CLAIM_TIMEOUT));
        }
    }

    /** A processing group's standing; position and head are global indexes, -1 meaning none. */
    public record Group(String name, long position, long head, long lag, String state, int segments,
                        long deadLetters) {
    }
}
