/**
 * The import wizard: upload, preview, columns, options, then the import in the background and its
 * result. {@link org.leadcrm.imports.ui.ImportContacts} opens it from the Contact Manager.
 */
@NullMarked
package org.leadcrm.imports.ui;

import org.jspecify.annotations.NullMarked;
