/** Contacts: the grid's queries (paged, sorted and filtered in SQL) and the one translation of a filter into SQL. */
package org.leadcrm.contact;
