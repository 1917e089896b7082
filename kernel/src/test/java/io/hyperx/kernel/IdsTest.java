package io.hyperx.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    record PaymentId(UUID value) implements EntityId {
    }

    @Test
    void deterministicIdsAreStableForTheSameInput() {
        PaymentId payment = new PaymentId(UUID.fromString("7f1c3a52-0d4e-4b8a-9a51-2f6c1e0b9d11"));

        UUID first = Ids.deterministic("ledger-entry", payment.value().toString(), "platform-fee");
        UUID second = Ids.deterministic("ledger-entry", payment.value().toString(), "platform-fee");

        assertThat(first).isEqualTo(second);
        assertThat(first.version()).isEqualTo(3);
    }

    @Test
    void deterministicIdsDifferWhenAnyInputDiffers() {
        UUID base = Ids.deterministic("ledger-entry", "p1", "fee");

        assertThat(Ids.deterministic("ledger-entry", "p1", "net")).isNotEqualTo(base);
        assertThat(Ids.deterministic("other", "p1", "fee")).isNotEqualTo(base);
        assertThat(Ids.deterministic("ledger-entry", "p1fee")).isNotEqualTo(base);
        assertThat(Ids.deterministic("ledger-entry", "p", "1fee")).isNotEqualTo(base);
    }

    @Test
    void rejectsNullParts() {
        assertThatThrownBy(() -> Ids.deterministic("ns", (String) null)).isInstanceOf(NullPointerException.class);
    }
}
