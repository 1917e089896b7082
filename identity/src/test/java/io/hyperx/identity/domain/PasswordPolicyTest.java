package io.hyperx.identity.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void needsTenToOneHundredTwentyEightCharacters() {
        assertThat(PasswordPolicy.refusal("nine char")).contains("password_too_short");
        assertThat(PasswordPolicy.refusal("x7#kq9!zLm")).isEmpty();
        assertThat(PasswordPolicy.refusal("q".repeat(127) + "z")).isEmpty();
        assertThat(PasswordPolicy.refusal("q".repeat(129))).contains("password_too_long");
        assertThat(PasswordPolicy.refusal(null)).contains("password_too_short");
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(PasswordPolicy.commonPasswordCount()).isGreaterThan(1000);
        assertThat(PasswordPolicy.refusal("password123")).contains("password_too_common");
        assertThat(PasswordPolicy.refusal("QwertyUIOP")).contains("password_too_common");
        assertThat(PasswordPolicy.refusal("1234567890")).contains("password_too_common");
    }
}
