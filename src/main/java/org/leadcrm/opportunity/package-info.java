/**
 * Opportunities: deals with one or more leads. Reading, creating, changing and deleting them one
 * at a time; the deletion of contacts keeps its own set-based statements over the same tables.
 */
@NullMarked
package org.leadcrm.opportunity;

import org.jspecify.annotations.NullMarked;
