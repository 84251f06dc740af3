/** The Lists view, a list's page, Bulk Edit, the Options menu and its confirmations. */
package org.leadcrm.list.ui;
