/** The one deletion core: what deleting a contact means, for one lead or a million. */
package org.leadcrm.deletion;
