/** Shared UI: the main layout, the global error handler, notifications, background operations. */
@NullMarked
package org.leadcrm.base.ui;

import org.jspecify.annotations.NullMarked;
