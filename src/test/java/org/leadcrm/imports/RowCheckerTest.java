package org.leadcrm.imports;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.leadcrm.contact.ContactDraft;
import org.leadcrm.contact.ContactStatus;

/**
 * The import's quick check of a row is the contact form's rules, no more and no less: it passes a
 * draft exactly when the validator finds nothing wrong with it.
 */
class RowCheckerTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Property(tries = 2000)
    void the_quick_check_passes_a_draft_exactly_when_the_validator_does(@ForAll("drafts") ContactDraft draft) {
        assertThat(RowChecker.plainlyValid(draft)).as(draft.toString()).isEqualTo(VALIDATOR.validate(draft).isEmpty());
    }

    /** If this fails, ContactDraft's rules changed: make RowChecker.plainlyValid check the new ones, then update this list. */
    @Test
    void the_quick_check_knows_every_constraint_of_the_draft() {
        String constraints = VALIDATOR.getConstraintsForClass(ContactDraft.class).getConstrainedProperties().stream()
                .flatMap(property -> property.getConstraintDescriptors().stream()
                        .map(c -> property.getPropertyName() + " " + describe(c)))
                .collect(Collectors.toCollection(TreeSet::new)).toString();

        assertThat(constraints).isEqualTo("[city Size(max=100), company Size(max=150), country Size(max=100), "
                + "email Email(), email NotBlank(), email Size(max=254), firstName NotBlank(), firstName Size(max=100), "
                + "lastName NotBlank(), lastName Size(max=100), leadScore Max(value=100), leadScore Min(value=0), "
                + "leadScore NotNull(), phone Size(max=40), status NotNull(), title Size(max=150)]");
    }

    private static String describe(ConstraintDescriptor<?> constraint) {
        Map<String, Object> attributes = constraint.getAttributes();
        String type = constraint.getAnnotation().annotationType().getSimpleName();
        return switch (type) {
            case "Size" -> type + "(max=" + attributes.get("max") + ")";
            case "Min", "Max" -> type + "(value=" + attributes.get("value") + ")";
            case "Email" -> type + "(" + (".*".equals(attributes.get("regexp")) ? "" : "regexp=" + attributes.get("regexp")) + ")";
            default -> type + "()";
        };
    }

    @Provide
    Arbitrary<ContactDraft> drafts() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(0).ofMaxLength(3),
                Arbitraries.strings().withChars("aé ").ofMinLength(95).ofMaxLength(105), Arbitraries.of(" ", "\t"));
        Arbitrary<String> email = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab.@-_+\"é 1[]:").ofMaxLength(12),
                Arbitraries.of("ada@example.com", "a@b", "a@b.", "a..b@c.com", ".a@b.com", "a@-b.com", "a@b-.com",
                        "\"a b\"@example.com", "a@[127.0.0.1]", "ü@exämple.de", "a@b@c", "@b.com", "a@", "a b@c.com"),
                Arbitraries.strings().withChars("a").ofLength(64).map(local -> local + "@" + "d".repeat(186) + ".com"),
                Arbitraries.strings().withChars("a").ofLength(65).map(local -> local + "@example.com"));
        Arbitrary<String> optional = Arbitraries.oneOf(Arbitraries.just(null),
                Arbitraries.strings().alpha().ofMaxLength(5), Arbitraries.strings().withChars("x").ofMinLength(38).ofMaxLength(152));
        Arbitrary<Integer> score = Arbitraries.integers().between(-3, 103);
        return Combinators.combine(name, name, email, optional, optional, optional, optional, score)
                .as((first, last, address, a, b, c, d, s) -> new ContactDraft(first, last, address, a, b, c, d, a,
                        ContactStatus.LEAD, s, null));
    }
}
