package org.leadcrm.imports;

import org.springframework.lang.Nullable;

/**
 * A valid row as it goes into the staging table: its fields tidied, blank ones null (a blank cell
 * never erases a field of an existing contact).
 *
 * @param missing why the row cannot create a new contact (a blank name), though it can update an
 *                existing one; null if it can do either
 */
record StagedRow(long line, String email, String emailKey, @Nullable String firstName, @Nullable String lastName,
        @Nullable String phone, @Nullable String company, @Nullable String title, @Nullable String city,
        @Nullable String country, @Nullable String status, @Nullable Integer leadScore, @Nullable Long ownerId,
        @Nullable String missing) {
}
