package io.hyperx.identity.api;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CapabilityTest {

    @Test
    void eachRoleIncludesTheOneBelowIt() {
        assertThat(Capability.CREATOR).containsAll(Capability.FAN);
        assertThat(Capability.ADMIN).containsAll(Capability.CREATOR);
        assertThat(Capability.FAN).doesNotContain(Capability.TIERS_WRITE, Capability.ACCOUNTS_SUSPEND);
        assertThat(Capability.CREATOR).doesNotContain(Capability.ACCOUNTS_SUSPEND, Capability.OPS_ALL);
    }

    @Test
    void aWildcardGrantsEveryCapabilityWithItsPrefixOnly() {
        assertThat(Capability.grants(Set.of("ops:*"), "ops:replay")).isTrue();
        assertThat(Capability.grants(Set.of("ops:*"), "opsx:replay")).isFalse();
        assertThat(Capability.grants(Set.of("tips:create"), "tips:refund")).isFalse();
        assertThat(Capability.grants(Role.ADMIN.capabilities(), "ops:rebuild")).isTrue();
    }
}
