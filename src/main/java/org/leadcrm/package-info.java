/** LeadCRM: the application's start, its clock and push; each feature lives in a package of its own. */
@NullMarked
package org.leadcrm;

import org.jspecify.annotations.NullMarked;
