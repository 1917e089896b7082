package io.hyperx.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainExceptionTest {

    @Test
    void carriesAStatusACodeAndAMessage() {
        DomainException refused = DomainException.conflict("email_taken", "Taken.");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("email_taken");
        assertThat(refused.getMessage()).isEqualTo("Taken.");
        assertThat(refused.headers()).isEmpty();
    }

    @Test
    void aRefusalIsAClientErrorNeverAServerError() {
        assertThatThrownBy(() -> new DomainException(500, "boom", "no")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DomainException(302, "moved", "no")).isInstanceOf(IllegalArgumentException.class);
    }
}
