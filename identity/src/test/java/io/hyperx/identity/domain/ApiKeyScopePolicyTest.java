package io.hyperx.identity.domain;

import io.hyperx.identity.api.Capability;
import io.hyperx.kernel.DomainException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyScopePolicyTest {

    @Test
    void scopesWithinTheOwnersCapabilitiesPass() {
        assertThatCode(() -> ApiKeyScopePolicy.requireWithin(Set.of(Capability.TIPS_CREATE), Capability.FAN))
                .doesNotThrowAnyException();
        assertThatCode(() -> ApiKeyScopePolicy.requireWithin(Set.of("ops:replay"), Capability.ADMIN))
                .doesNotThrowAnyException();
    }

    @Test
    void aScopeBeyondTheOwnerOrNoScopeAtAllIsRefused() {
        assertThatThrownBy(() -> ApiKeyScopePolicy.requireWithin(Set.of(Capability.TIERS_WRITE), Capability.FAN))
                .isInstanceOf(DomainException.class).hasMessageContaining(Capability.TIERS_WRITE);
        assertThatThrownBy(() -> ApiKeyScopePolicy.requireWithin(Set.of(), Capability.FAN))
                .isInstanceOf(DomainException.class);
    }
}
