/** The one deletion core: what deleting a contact means, for one lead or a million. */
@NullMarked
package org.leadcrm.deletion;

import org.jspecify.annotations.NullMarked;
