/**
 * The Users page and its dialogs, for Administrators. The users themselves, their rules and their
 * service are the security package's; the page is kept out of {@code security.ui}, which the
 * security configuration depends on for the sign-in view, so that the page can use the shared UI
 * of {@code base.ui} without a cycle.
 */
@NullMarked
package org.leadcrm.user.ui;

import org.jspecify.annotations.NullMarked;
