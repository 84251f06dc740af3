/** Lists and their rules, Bulk Edit, single members and exclusions, and the five items of a list's Options menu. */
@NullMarked
package org.leadcrm.list;

import org.jspecify.annotations.NullMarked;
