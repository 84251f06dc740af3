/** The sign-in view. */
@NullMarked
package org.leadcrm.security.ui;

import org.jspecify.annotations.NullMarked;
