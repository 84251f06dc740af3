/** Contacts: the grid's queries (paged, sorted and filtered in SQL) and the one translation of a filter into SQL. */
@NullMarked
package org.leadcrm.contact;

import org.jspecify.annotations.NullMarked;
