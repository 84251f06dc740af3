/** The "Export CSV" links that the Contact Manager, a list's page and the delete confirmations share. */
@NullMarked
package org.leadcrm.export.ui;

import org.jspecify.annotations.NullMarked;
