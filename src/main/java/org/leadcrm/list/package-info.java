/** Lists, their membership and exclusions, Bulk Edit, and the five items of a list's Options menu. */
package org.leadcrm.list;
