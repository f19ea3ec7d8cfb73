package org.learnbox.bridge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"ab", "ada", "mrs-t", "x2", "7up", "a-b-c", "abcdefghijklmnopqrstuvwxyz012345"})
    void acceptsLowercaseLettersDigitsAndDashes(String name) {
        assertThat(AccountNames.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "Ada", "a b", "a_b", "-ab", "ab.", "../x", "abcdefghijklmnopqrstuvwxyz0123456", "ädа"})
    void refusesEverythingElseWithAMessageThatSaysTheRule(String name) {
        assertThat(AccountNames.isValid(name)).isFalse();
        assertThatThrownBy(() -> AccountNames.requireValid(name))
                .isInstanceOf(AccountException.class)
                .hasMessage("'" + name + "' is not a valid name: use 2 to 32 lowercase letters, digits or '-',"
                        + " starting with a letter or a digit.");
    }
}
