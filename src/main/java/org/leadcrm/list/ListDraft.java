package org.leadcrm.list;

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
        @NotBlank(message = "Enter a name for the list") @Size(max = ContactList.NAME_MAX_LENGTH) String name,
        @Nullable @Size(max = ContactList.DESCRIPTION_MAX_LENGTH) String description,
        boolean manual,
        @NotNull ListRules rules,
        boolean applyToExisting) {

    public static ListDraft manual(String name, @Nullable String description) {
        return new ListDraft(name, description, true, ListRules.NONE, false);
    }

    public static ListDraft ruleBased(String name, @Nullable String description, ListRules rules, boolean applyToExisting) {
        return new ListDraft(name, description, false, rules, applyToExisting);
    }
}
