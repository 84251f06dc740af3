/**
 * Contacts out to a CSV file: a selection of the Contact Manager or a list's members, streamed from
 * a database cursor with the visibility rule applied, and audited. A feature of its own rather than
 * part of {@code contact}: it names lists and writes the audit log, and {@code list} already
 * depends on {@code contact}.
 */
@NullMarked
package org.leadcrm.export;

import org.jspecify.annotations.NullMarked;
