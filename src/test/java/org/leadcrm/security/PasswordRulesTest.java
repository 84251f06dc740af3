package org.leadcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The password rules on their own: length, and not a common password (zxcvbn's list and estimate). */
class PasswordRulesTest {

    /** The list of the most common passwords that the library ships, most common first. */
    private static final String COMMON_PASSWORDS = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private final PasswordRules rules = new PasswordRules();

    @Test
    void a_password_of_fewer_than_twelve_characters_is_refused_with_its_length() {
        assertThat(rules.problemWith("Xq7#mPz2!vL")).hasValue("Use at least 12 characters (this has 11).");
        assertThat(rules.problemWith("")).hasValue("Enter a password.");
    }

    @Test
    void every_password_of_twelve_characters_or_more_on_the_librarys_list_of_common_ones_is_refused() throws IOException {
        List<String> longCommon = commonPasswords().stream().filter(password -> password.length() >= PasswordRules.MIN_LENGTH)
                .toList();

        List<String> accepted = longCommon.stream().filter(password -> rules.problemWith(password).isEmpty()).toList();

        assertThat(longCommon).as("the list's long entries").hasSizeGreaterThan(200);
        assertThat(accepted).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"passwordpassword", "Password1234", "qwertyuiopasdf", "123456789012", "iloveyou1234",
            "LeaveMeAlone", "l3av3m3al0n3", "aaaaaaaaaaaa", "Welcome2024!"})
    void common_passwords_in_another_letter_case_with_substitutions_repeated_or_extended_are_refused(String password) {
        assertThat(rules.problemWith(password)).hasValueSatisfying(problem -> assertThat(problem).startsWith("Too easy to guess"));
    }

    @Test
    void a_password_made_of_the_users_own_name_is_refused() {
        assertThat(rules.problemWith("Zebulonquixby", "zebulon.quixby", "Zebulon Quixby")).isPresent();
        assertThat(rules.problemWith("Zebulonquixby", "ada", "Ada Lovelace")).as("for someone else").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plum-harbour-lantern-42", "correct horse battery", "Tr0ub4dor&3xx", "secret-password"})
    void long_uncommon_passwords_are_accepted(String password) {
        assertThat(rules.problemWith(password)).isEmpty();
    }

    @Test
    void a_password_longer_than_bcrypt_reads_is_refused() {
        assertThat(rules.problemWith("é".repeat(37))).hasValueSatisfying(problem -> assertThat(problem).startsWith("Too long"));
        assertThat(rules.problemWith("plum-harbour-lantern-" + "x".repeat(51))).as("72 bytes").isEmpty();
    }

    private static List<String> commonPasswords() throws IOException {
        try (InputStream list = PasswordRulesTest.class.getResourceAsStream(COMMON_PASSWORDS)) {
            assertThat(list).as(COMMON_PASSWORDS).isNotNull();
            return new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8)).lines().map(String::strip).toList();
        }
    }
}
