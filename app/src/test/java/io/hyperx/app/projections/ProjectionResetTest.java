package io.hyperx.app.projections;

import org.axonframework.eventhandling.ResetNotSupportedException;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A reset that loses a lock conflict (as a {@code TRUNCATE} does to a reader, by deadlock) is tried again. */
class ProjectionResetTest {

    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);

    ProjectionResetTest() {
        when(processor.supportsReset()).thenReturn(true);
    }

    @Test
    void aResetThatLostALockConflictIsTriedAgain() {
        doThrow(deadlock()).doNothing().when(processor).resetTokens();

        assertThatCode(() -> ProjectionReplay.reset("economy", processor)).doesNotThrowAnyException();
        verify(processor, times(2)).resetTokens();
    }

    @Test
    void aResetThatKeepsLosingFailsWithTheCauseAfterThreeAttempts() {
        doThrow(deadlock()).when(processor).resetTokens();

        assertThatThrownBy(() -> ProjectionReplay.reset("economy", processor))
                .hasMessageContaining("cannot reset economy").hasMessageContaining("reset");
        verify(processor, times(3)).resetTokens();
    }

    @Test
    void otherFailuresAreNotTriedAgain() {
        doThrow(new ResetNotSupportedException("reset failed",
                new DataIntegrityViolationException("constraint"))).when(processor).resetTokens();

        assertThatThrownBy(() -> ProjectionReplay.reset("economy", processor)).hasMessageContaining("cannot reset");
        verify(processor, times(1)).resetTokens();
    }

    private static RuntimeException deadlock() {
        return new ResetNotSupportedException("An Error occurred while notifying handlers of the reset",
                new PessimisticLockingFailureException("deadlock detected"));
    }
}
