package org.leadcrm.imports;

import org.springframework.lang.Nullable;

/**
 * The choices of the wizard's options step.
 *
 * @param ownerId the owner of new contacts whose row names none (null: nobody)
 */
public record ImportOptions(ExistingContacts existing, @Nullable Long ownerId, ListTarget list) {
}
