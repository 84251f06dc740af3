/** Shared UI: the main layout, the global error handler, notifications, background operations. */
package org.leadcrm.base.ui;
