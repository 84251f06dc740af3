/** The Lists view, a list's page, Bulk Edit, the Options menu and its confirmations. */
@NullMarked
package org.leadcrm.list.ui;

import org.jspecify.annotations.NullMarked;
