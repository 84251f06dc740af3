package org.leadcrm.security;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one set of rules for a password that someone chooses — a new user's, a reset one, a changed
 * one: at least {@value #MIN_LENGTH} characters, and not a common password. "Common" is zxcvbn's
 * judgement (docs/decisions/009): the password, or what it is made of, is among the 30,000 most
 * common passwords the library ships, in any letter case, reversed or with l33t substitutions, or
 * is a repeat, sequence, keyboard run, date or the user's own name — anything its estimate says
 * takes fewer than 10^8 guesses.
 */
@Component
public class PasswordRules {

    public static final int MIN_LENGTH = 12;
    /** BCrypt reads no further: a longer password would be accepted on its first 72 bytes alone. */
    public static final int MAX_BYTES = 72;
    /** For forms, next to the password field. */
    public static final String HINT = "At least " + MIN_LENGTH + " characters, and not a common password.";

    /** zxcvbn's score 3: "safely unguessable", at least 10^8 guesses. */
    private static final int MIN_SCORE = 3;

    private final Zxcvbn zxcvbn = new Zxcvbn();

    PasswordRules() {
    }

    /**
     * What is wrong with {@code password} for this user, in words for them; empty if nothing.
     *
     * @param userInputs the user's username and name: a password made of them is easy to guess
     */
    Optional<String> problemWith(String password, String... userInputs) {
        if (password.isBlank()) {
            return Optional.of("Enter a password.");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters (this has " + password.length() + ").");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("Too long: at most " + MAX_BYTES + " bytes (" + MAX_BYTES
                    + " plain letters and digits; accented letters and symbols take more).");
        }
        Strength strength = zxcvbn.measure(password, inputs(userInputs));
        if (strength.getScore() < MIN_SCORE) {
            String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
            return Optional.of("Too easy to guess" + (warning == null || warning.isBlank()
                    ? ": it is a common password, or made of common words, names or patterns."
                    : ". " + warning) + " Add words or characters that are your own.");
        }
        return Optional.empty();
    }

    private static List<String> inputs(String... userInputs) {
        return List.of(userInputs).stream().filter(input -> input != null && !input.isBlank())
                .flatMap(input -> List.of(input.split("[\\s._@-]+")).stream())
                .filter(part -> !part.isBlank())
                .toList();
    }
}
