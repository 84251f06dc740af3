/**
 * Importing contacts from a CSV file: reading the files people really have (UTF-8 with or without
 * a BOM or Windows-1252; comma, semicolon or tab; Excel's {@code sep=} line), checking each row with
 * the contact form's rules, and loading the valid rows in one transaction through a staging table
 * merged with set-based SQL. {@link org.leadcrm.imports.ContactImportService} is its API.
 */
@NullMarked
package org.leadcrm.imports;

import org.jspecify.annotations.NullMarked;
