package org.leadcrm.list;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.lang.Nullable;

/**
 * A list as the user fills it in.
 *
 * @param applyToExisting for a rule-based list: fill it now from the contacts already in the database
 */
public record ListDraft(
        @NotBlank(message = "Enter a name for the list")
        @Size(max = ContactList.NAME_MAX_LENGTH, message = "The name is too long: at most {max} characters.")
        String name,
        @Nullable @Size(max = ContactList.DESCRIPTION_MAX_LENGTH, message = "The description is too long: at most {max} characters.")
        String description,
        boolean manual,
        @NotNull @Valid ListRules rules,
        boolean applyToExisting) {

    /** For the forms, which cannot see the (package-private) entity. */
    public static final int NAME_MAX_LENGTH = ContactList.NAME_MAX_LENGTH;
    public static final int DESCRIPTION_MAX_LENGTH = ContactList.DESCRIPTION_MAX_LENGTH;

    public static ListDraft manual(String name, @Nullable String description) {
        return new ListDraft(name, description, true, ListRules.NONE, false);
    }

    public static ListDraft ruleBased(String name, @Nullable String description, ListRules rules, boolean applyToExisting) {
        return new ListDraft(name, description, false, rules, applyToExisting);
    }
}
