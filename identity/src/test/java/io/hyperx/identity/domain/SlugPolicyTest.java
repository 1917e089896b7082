package io.hyperx.identity.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugPolicyTest {

    @Test
    void acceptsLowerCaseLettersDigitsAndInnerHyphens() {
        assertThat(SlugPolicy.refusal("ada-lovelace")).isEmpty();
        assertThat(SlugPolicy.refusal("abc")).isEmpty();
        assertThat(SlugPolicy.refusal("a".repeat(100))).isEmpty();
    }

    @Test
    void refusesWhatThePatternDoesNotAllow() {
        assertThat(SlugPolicy.refusal("ab")).contains("slug_invalid");
        assertThat(SlugPolicy.refusal("a".repeat(101))).contains("slug_invalid");
        assertThat(SlugPolicy.refusal("-abc")).contains("slug_invalid");
        assertThat(SlugPolicy.refusal("abc-")).contains("slug_invalid");
        assertThat(SlugPolicy.refusal("a_bc")).contains("slug_invalid");
        assertThat(SlugPolicy.refusal("a--b")).contains("slug_invalid");
    }

    @Test
    void refusesReservedWords() {
        assertThat(SlugPolicy.refusal("admin")).contains("slug_reserved");
        assertThat(SlugPolicy.refusal("api")).contains("slug_reserved");
        assertThat(SlugPolicy.refusal("www")).contains("slug_reserved");
    }

    @Test
    void normalizesCaseAndSpaceSoComparisonIsCaseInsensitive() {
        assertThat(SlugPolicy.normalize("  Ada-Lovelace ")).isEqualTo("ada-lovelace");
        assertThat(SlugPolicy.refusal(SlugPolicy.normalize("ADMIN"))).contains("slug_reserved");
    }
}
