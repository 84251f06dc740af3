/** Lists, their membership and exclusions, Bulk Edit, and the five items of a list's Options menu. */
@NullMarked
package org.leadcrm.list;

import org.jspecify.annotations.NullMarked;
