/** The audit log view for Administrators. */
@NullMarked
package org.leadcrm.audit.ui;

import org.jspecify.annotations.NullMarked;
