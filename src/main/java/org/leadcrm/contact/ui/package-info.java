/** The Contact Manager and deleting one lead. */
@NullMarked
package org.leadcrm.contact.ui;

import org.jspecify.annotations.NullMarked;
