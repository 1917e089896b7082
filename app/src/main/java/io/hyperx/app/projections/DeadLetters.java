package io.hyperx.app.projections;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The events processing groups failed on, parked per sequence in {@code dead_letter_entry}. */
@Component
public class DeadLetters {

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration eventProcessing;

    DeadLetters(JdbcTemplate jdbc, EventProcessingConfiguration eventProcessing) {
        this.jdbc = jdbc;
        this.eventProcessing = eventProcessing;
    }

    private static final String SELECT = """
            SELECT dead_letter_id, processing_group, sequence_identifier, event_identifier, payload_type,
                   cause_type, cause_message, enqueued_at, last_touched
            FROM dead_letter_entry""";

    public List<Letter> list(int limit) {
        return jdbc.query(SELECT + " ORDER BY enqueued_at, sequence_index LIMIT ?", DeadLetters::letter, limit);
    }

    public Optional<Letter> find(String id) {
        return jdbc.query(SELECT + " WHERE dead_letter_id = ?", DeadLetters::letter, id).stream().findFirst();
    }

    private static Letter letter(ResultSet row, int index) throws SQLException {
        return new Letter(row.getString("dead_letter_id"), row.getString("processing_group"),
                row.getString("sequence_identifier"), row.getString("event_identifier"),
                row.getString("payload_type"), row.getString("cause_type"), row.getString("cause_message"),
                row.getString("enqueued_at"), row.getString("last_touched"));
    }

    /**
     * Hands the letter's sequence back to its processing group's handlers; answers whether it went through (a
     * letter that fails again stays, with its new cause).
     */
    public boolean retry(Letter letter) {
        SequencedDeadLetterProcessor<?> processor = eventProcessing
                .sequencedDeadLetterProcessor(letter.processingGroup())
                .orElseThrow(() -> new IllegalStateException("no dead-letter processor for "
                        + letter.processingGroup()));
        return processor.process(candidate -> candidate.message().getIdentifier().equals(letter.eventIdentifier()));
    }

    /** Gives up on the letter: its event will not be handled by that group unless the group is replayed. */
    public boolean delete(String id) {
        return jdbc.update("DELETE FROM dead_letter_entry WHERE dead_letter_id = ?", id) == 1;
    }

    /** One parked event and why its handler failed. */
    public record Letter(String id, String processingGroup, String sequenceIdentifier, String eventIdentifier,
                         String payloadType, String causeType, String causeMessage, String enqueuedAt,
                         String lastTouched) {
    }
}
