/** The sign-in view, and the Users page with its dialogs for Administrators. */
@NullMarked
package org.leadcrm.security.ui;

import org.jspecify.annotations.NullMarked;
